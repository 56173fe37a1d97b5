package io.automark.command.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Places users in one of a million buckets, a pure function of a seed and the user id: the first eight bytes of
 * SHA-256 over {@code seed + '\0' + userId}, modulo a million. The seed's part of the hash is computed once and
 * copied for each user, which costs a fraction of a fresh digest per user (a split of a million users spent 7% of
 * the service's time looking up and starting digests).
 *
 * <p>Not thread-safe: make one per batch.
 */
final class Buckets {

    static final long COUNT = 1_000_000L;

    private final MessageDigest seeded;

    Buckets(String seed) {
        this.seeded = sha256();
        seeded.update((seed + "\u0000").getBytes(StandardCharsets.UTF_8));
    }

    /** The user's bucket, from 0 to {@link #COUNT} - 1. */
    long of(String userId) {
        byte[] hash = copyOfSeeded().digest(userId.getBytes(StandardCharsets.UTF_8));
        long first = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            first = (first << 8) | (hash[i] & 0xFF);
        }
        return Long.remainderUnsigned(first, COUNT);
    }

    private MessageDigest copyOfSeeded() {
        try {
            return (MessageDigest) seeded.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 digest can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
