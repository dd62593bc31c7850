package com.zebros.crm.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system's time, or a fixed start, plus an offset a test moves forward: past an idempotency lease, or a deal's
 * days in a stage, without waiting.
 */
public final class TestClock extends Clock {
    private final Instant start;
    private volatile Duration offset = Duration.ZERO;

    /** The system's time, moved by the test. */
    public TestClock() {
        this.start = null;
    }

    /** Stands at {@code start} until the test moves it. */
    public TestClock(Instant start) {
        this.start = start;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(offset);
    }
}
