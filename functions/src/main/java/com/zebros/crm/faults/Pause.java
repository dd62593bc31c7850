package com.zebros.crm.faults;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * After a dependency that is only an accelerator (a cache) fails, it is left alone for a while, so
 * each request does not pay its timeout again; when the while is over, the next request tries it.
 */
public final class Pause {
    private final long nanos;
    private final LongSupplier nanoTime;
    private volatile long until;
    private volatile boolean on;

    public Pause(Duration length, LongSupplier nanoTime) {
        this.nanos = length.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A failure: leave the dependency alone from now on for the pause's length. */
    public void start() {
        until = nanoTime.getAsLong() + nanos;
        on = true;
    }

    /** Whether the dependency is being left alone. */
    public boolean isOn() {
        if (on && nanoTime.getAsLong() >= until) {
            on = false;
        }
        return on;
    }
}
