package io.automark.query.campaign;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sequences events by the campaign they concern rather than by their aggregate. Execution events live on their own
 * aggregate but change the campaign's last execution; handling them in the same segment as the campaign's events
 * keeps "created before its first run" and "newest run last" true however many segments run in parallel.
 *
 * <p>A payload concerns a campaign when it is a record with a {@code campaignId} component; any other event falls
 * back to its aggregate id.
 */
public class CampaignSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final ClassValue<Optional<Method>> CAMPAIGN_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];

            return Arrays.stream(components)
                    .filter(component -> component.getName().equals("campaignId"))
                    .map(RecordComponent::getAccessor)
                    .findFirst();
        }
    };

    private final SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Optional<Method> accessor = CAMPAIGN_ID.get(payload.getClass());

        return accessor.map(method -> invoke(method, payload))
                .orElseGet(() -> fallback.getSequenceIdentifierFor(event));
    }

    private static Object invoke(Method accessor, Object payload) {
        try {
            return accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the campaign id of " + payload.getClass().getName(), e);
        }
    }
}
