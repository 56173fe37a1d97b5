package io.automark.ops.demo;

import io.automark.ops.stack.LocalStack;
import io.automark.ops.stack.StackSettings;
import io.automark.ops.webhook.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job on the first 2,000 Hillstrom customers, through the public HTTP API of a local stack started in
 * this JVM (memory store, free HTTP and SMTP ports). It runs the demo's own code, so what it checks is what
 * {@code ./automark demo} checks.
 */
class HillstromFlowHttpTest {

    private static final int ROWS = 2_000;

    private static LocalStack stack;

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(StackSettings.forTests());
        receiver = WebhookReceiver.start(0);
    }

    @AfterAll
    static void stopStack() {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void runsTheHillstromCampaignWithEveryFigureRight() {
        AutomarkClient client = new AutomarkClient(stack.baseUrl(), stack.baseUrl(), "hillstrom-test");
        HillstromDemo demo = new HillstromDemo(client, receiver, Duration.ofMinutes(5), new PrintStream(System.out));

        DemoResult result = demo.run("hillstrom-test", ROWS);

        assertThat(result.failures()).isEmpty();
        ExecutionFigures figures = new ExecutionFigures(result.execution());
        assertThat(figures.figure(DemoCampaign.AUDIENCE, "entered")).isEqualTo(ROWS);
        assertThat(figures.branch(DemoCampaign.JUDGMENT, DemoCampaign.YES)).isEqualTo(1_020L);
        assertThat(figures.figure(DemoCampaign.EMAIL, "sent"))
                .isEqualTo(stack.mailSink().received(result.executionId()))
                .isPositive();
        assertThat(figures.figure(DemoCampaign.WEBHOOK, "sent"))
                .isEqualTo(receiver.received(result.executionId()))
                .isPositive();
        assertThat(result.routes()).hasSize(3);
    }
}
