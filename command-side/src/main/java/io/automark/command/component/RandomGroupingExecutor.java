package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits users into groups by percent, for RANDOM_GROUPING and, through {@link AbTestExecutor}, an AB_TEST. The
 * group is a pure function of execution id, component id and user id, so a batch that runs again after a crash
 * routes every user the same way.
 */
@Component
class RandomGroupingExecutor implements ComponentExecutor {

    private static final long BUCKETS = 1_000_000L;

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.RANDOM_GROUPING);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) component.config().get("groups");
        return ComponentRun.of(users.stream()
                .map(user -> new UserOutcome(user.userId(), UserResult.PASSED,
                        groupOf(groups, bucket(context.executionId() + ":" + component.id(), user.userId())), null))
                .toList());
    }

    static String groupOf(List<Map<String, Object>> groups, long bucket) {
        double upper = 0;
        for (Map<String, Object> group : groups) {
            upper += ((Number) group.get("percent")).doubleValue() * BUCKETS / 100;
            if (bucket < upper) {
                return (String) group.get("name");
            }
        }
        // Rounding can leave the top bucket just outside the sum; it belongs to the last group.
        return (String) groups.get(groups.size() - 1).get("name");
    }

    static long bucket(String seed, String userId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((seed + "\u0000" + userId).getBytes(StandardCharsets.UTF_8));
            return Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
