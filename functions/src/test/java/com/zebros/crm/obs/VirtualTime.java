package com.zebros.crm.obs;

/** A clock for a capacity budget that advances only when the budget waits (and when a test says so): waits counted, not slept. */
public final class VirtualTime implements CapacityBudget.Time {
    /** Now, in nanoseconds; a test may move it on. */
    public long now = 1_000_000_000_000L;

    private long waited;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) {
        now += nanos;
        waited += nanos;
    }

    /** All the waits so far, in seconds. */
    public double waitedSeconds() {
        return waited / 1e9;
    }
}
