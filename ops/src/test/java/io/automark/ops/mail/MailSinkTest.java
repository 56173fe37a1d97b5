package io.automark.ops.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

class MailSinkTest {

    @Test
    void countsTheMailsOfEachExecutionByItsHeader() throws MessagingException {
        try (MailSink sink = MailSink.start(0)) {
            JavaMailSenderImpl sender = sender(sink.port());

            sender.send(message(sender, "e-1"), message(sender, "e-1"), message(sender, "e-2"));

            assertThat(sink.received("e-1")).isEqualTo(2);
            assertThat(sink.received("e-2")).isEqualTo(1);
            assertThat(sink.received("e-3")).isZero();
            assertThat(sink.total()).isEqualTo(3);
        }
    }

    @Test
    void countsAMailWithoutTheHeaderAsUnknown() throws MessagingException {
        try (MailSink sink = MailSink.start(0)) {
            JavaMailSenderImpl sender = sender(sink.port());

            sender.send(message(sender, null));

            assertThat(sink.received(MailSink.UNKNOWN_EXECUTION)).isEqualTo(1);
        }
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        return sender;
    }

    private static MimeMessage message(JavaMailSenderImpl sender, String executionId) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message);
        helper.setFrom("automark@localhost");
        helper.setTo("customer-1@hillstrom.example");
        helper.setSubject("Hello");
        helper.setText("A body that the sink throws away.");
        if (executionId != null) {
            message.setHeader(MailSink.EXECUTION_HEADER, executionId);
        }
        return message;
    }
}
