package io.automark.ops.mail;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tells how many mails the local stack's SMTP sink received; served by the local stack only. */
@RestController
@RequestMapping("/ops/mail")
public class MailSinkController {

    private final MailSink sink;

    public MailSinkController(MailSink sink) {
        this.sink = sink;
    }

    /** The messages received for one execution, or in all when no execution is named. */
    @GetMapping("/received")
    public MailCount received(@RequestParam(required = false) String executionId) {
        long received = executionId == null ? sink.total() : sink.received(executionId);

        return new MailCount(executionId, received);
    }

    /** The answer of {@link #received(String)}. */
    public record MailCount(String executionId, long received) {
    }
}
