package com.zebros.crm.obs;

/**
 * What each request costs in DynamoDB capacity: every call asks for its consumed capacity
 * ({@link CapacityUnits}) and the units are summed per request thread, reads and writes. The service puts them into the
 * request's metrics ({@code ReadCapacityUnits}, {@code WriteCapacityUnits} by route), and the tier
 * benchmark and the bounded-cost test read them here.
 */
public final class ConsumedCapacity implements CapacityUnits.Listener {
    private static final ThreadLocal<double[]> UNITS = ThreadLocal.withInitial(() -> new double[2]);

    /** Starts this thread's count for a new request. */
    public static void reset() {
        double[] units = UNITS.get();
        units[0] = 0;
        units[1] = 0;
    }

    /** Read units this thread's request has consumed so far. */
    public static double reads() {
        return UNITS.get()[0];
    }

    /** Write units this thread's request has consumed so far. */
    public static double writes() {
        return UNITS.get()[1];
    }

    @Override
    public void consumed(CapacityUnits.Consumed consumed) {
        UNITS.get()[consumed.write() ? 1 : 0] += consumed.units();
    }
}
