package io.automark.command.component;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BucketsTest {

    @Test
    void placesEveryUserWhereAFreshDigestOfSeedAndUserPlacesIt() throws Exception {
        Buckets buckets = new Buckets("execution-1:split");

        for (int i = 0; i < 2_000; i++) {
            String userId = "u-" + i;

            long bucket = buckets.of(userId);

            assertThat(bucket).isEqualTo(freshDigestBucket("execution-1:split", userId));
        }
    }

    @Test
    void keepsBucketsWithinTheirRange() {
        Buckets buckets = new Buckets("seed");

        List<Long> seen = IntStream.range(0, 10_000).mapToObj(i -> buckets.of("user-" + i)).toList();

        assertThat(seen).allMatch(bucket -> bucket >= 0 && bucket < Buckets.COUNT);
    }

    /** The bucket as runs recorded before the seed's hash was shared, so that a run resumed after an upgrade agrees. */
    private static long freshDigestBucket(String seed, String userId) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((seed + "\u0000" + userId).getBytes(StandardCharsets.UTF_8));
        return Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), Buckets.COUNT);
    }
}
