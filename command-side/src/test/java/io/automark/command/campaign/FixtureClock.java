package io.automark.command.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A clock that reads the time of an Axon test fixture, which moves as the test lets time elapse. */
final class FixtureClock extends Clock {

    private final Supplier<Instant> time;

    FixtureClock(Supplier<Instant> time) {
        this.time = time;
    }

    @Override
    public Instant instant() {
        return time.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
