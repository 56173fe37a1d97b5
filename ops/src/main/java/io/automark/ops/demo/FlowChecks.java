package io.automark.ops.demo;

import java.util.ArrayList;
import java.util.List;

import static io.automark.ops.demo.DemoCampaign.AUDIENCE;
import static io.automark.ops.demo.DemoCampaign.EMAIL;
import static io.automark.ops.demo.DemoCampaign.GROUPING;
import static io.automark.ops.demo.DemoCampaign.GROUP_A;
import static io.automark.ops.demo.DemoCampaign.GROUP_B;
import static io.automark.ops.demo.DemoCampaign.JUDGMENT;
import static io.automark.ops.demo.DemoCampaign.NO;
import static io.automark.ops.demo.DemoCampaign.WEBHOOK;
import static io.automark.ops.demo.DemoCampaign.YES;
import static io.automark.ops.demo.ExecutionFigures.sum;

/**
 * The figures a run of the demo campaign must show: every user enters, the judgment sends exactly the new
 * customers on "yes", each split adds up, every user reaches one channel, and each send arrived.
 */
final class FlowChecks {

    private FlowChecks() {
    }

    /**
     * @param mailReceived     what the SMTP sink received for the execution; null when no sink could tell
     * @param webhooksReceived what the webhook receiver got for the execution
     */
    static List<FigureCheck> of(ExecutionFigures figures, long users, long newbies, Long mailReceived,
                                long webhooksReceived) {
        List<FigureCheck> checks = new ArrayList<>();
        Long yes = figures.branch(JUDGMENT, YES);
        Long groupA = figures.branch(GROUPING, GROUP_A);

        checks.add(new FigureCheck("execution completed (1 = COMPLETED)", 1L,
                "COMPLETED".equals(figures.status()) ? 1L : 0L));
        checks.add(new FigureCheck("TARGET_AUDIENCE entered", users, figures.figure(AUDIENCE, "entered")));
        checks.add(new FigureCheck("TAG_JUDGMENT entered", users, figures.figure(JUDGMENT, "entered")));
        checks.add(new FigureCheck("TAG_JUDGMENT yes + no = entered", figures.figure(JUDGMENT, "entered"),
                sum(yes, figures.branch(JUDGMENT, NO))));
        checks.add(new FigureCheck("TAG_JUDGMENT yes = customers with newbie=1", newbies, yes));
        checks.add(new FigureCheck("RANDOM_GROUPING entered = TAG_JUDGMENT yes", yes,
                figures.figure(GROUPING, "entered")));
        checks.add(new FigureCheck("RANDOM_GROUPING A + B = entered", figures.figure(GROUPING, "entered"),
                sum(groupA, figures.branch(GROUPING, GROUP_B))));
        checks.add(new FigureCheck("EMAIL entered = RANDOM_GROUPING A", groupA, figures.figure(EMAIL, "entered")));
        checks.add(new FigureCheck("EMAIL entered + WEBHOOK entered", users,
                sum(figures.figure(EMAIL, "entered"), figures.figure(WEBHOOK, "entered"))));
        checks.add(new FigureCheck("EMAIL sent = mails the SMTP server received", mailReceived,
                figures.figure(EMAIL, "sent")));
        checks.add(new FigureCheck("WEBHOOK sent = requests the receiver got", webhooksReceived,
                figures.figure(WEBHOOK, "sent")));
        checks.add(new FigureCheck("EMAIL sent = succeeded + failed", figures.figure(EMAIL, "sent"),
                sum(figures.figure(EMAIL, "succeeded"), figures.figure(EMAIL, "failed"))));
        checks.add(new FigureCheck("WEBHOOK sent = succeeded + failed", figures.figure(WEBHOOK, "sent"),
                sum(figures.figure(WEBHOOK, "succeeded"), figures.figure(WEBHOOK, "failed"))));
        checks.add(new FigureCheck("processedUsers", users, figures.figure("processedUsers")));
        return checks;
    }
}
