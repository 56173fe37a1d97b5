package io.automark.command.channel;

import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sends e-mail over SMTP. Configuration: {@code subject} and {@code template} (both may use {@code {{attribute}}}
 * placeholders) and {@code addressAttribute}, the attribute holding the address (default {@code email}).
 * A batch goes over one SMTP connection.
 */
@Component
public class EmailChannel implements Channel {

    static final String EXECUTION_HEADER = "X-Automark-Execution";
    static final String KEY_HEADER = "X-Automark-Idempotency-Key";

    private final JavaMailSender sender;
    private final String from;

    public EmailChannel(JavaMailSender sender, @Value("${automark.mail.from:automark@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.EMAIL);
    }

    @Override
    public List<SendResult> send(SendBatch batch) {
        List<SendResult> results = new ArrayList<>(batch.recipients().size());
        Map<MimeMessage, Integer> positions = new HashMap<>();
        for (AudienceMember recipient : batch.recipients()) {
            results.add(prepare(batch, recipient, positions, results.size()));
        }
        if (!positions.isEmpty()) {
            deliver(positions, results);
        }
        return results;
    }

    private SendResult prepare(SendBatch batch, AudienceMember recipient, Map<MimeMessage, Integer> positions,
                               int position) {
        FlowComponent component = batch.component();
        String addressAttribute = (String) component.config().getOrDefault("addressAttribute", "email");
        String address = recipient.attributes().get(addressAttribute);
        if (address == null || address.isBlank()) {
            return SendResult.skipped("NO_ADDRESS");
        }
        try {
            positions.put(message(batch, recipient, address), position);
            return SendResult.success();
        } catch (MessagingException | IllegalArgumentException e) {
            return SendResult.skipped("INVALID_ADDRESS");
        }
    }

    private MimeMessage message(SendBatch batch, AudienceMember recipient, String address)
            throws MessagingException {
        Map<String, Object> config = batch.component().config();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(from);
        helper.setTo(address);
        helper.setSubject(MessageTemplate.fill((String) config.get("subject"), recipient.userId(),
                recipient.attributes()));
        helper.setText(MessageTemplate.fill((String) config.get("template"), recipient.userId(),
                recipient.attributes()));
        message.setHeader(EXECUTION_HEADER, batch.context().executionId());
        message.setHeader(KEY_HEADER, batch.idempotencyKey(recipient));
        // SMTP has no idempotency key; a Message-ID made from ours lets mail stores that drop repeated ids (many
        // do) drop a mail resent after a crash. Spring's sender keeps a Message-ID set before sending.
        message.setHeader("Message-ID", messageIdOf(batch.idempotencyKey(recipient)));
        return message;
    }

    /** The Message-ID of the mail sent under an idempotency key: the same for every attempt. */
    public static String messageIdOf(String idempotencyKey) {
        return "<" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)) + "@automark>";
    }

    private void deliver(Map<MimeMessage, Integer> positions, List<SendResult> results) {
        try {
            sender.send(positions.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            boolean unreachable = e.getFailedMessages().size() == positions.size();
            e.getFailedMessages().forEach((message, cause) -> results.set(positions.get(message),
                    unreachable ? SendResult.unreachable(reasonOf(cause)) : SendResult.failed(reasonOf(cause))));
        } catch (MailException e) {
            positions.values().forEach(position -> results.set(position, SendResult.unreachable(reasonOf(e))));
        }
    }

    private static String reasonOf(Exception cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "SMTP: " + message.lines().findFirst().orElse("");
    }
}
