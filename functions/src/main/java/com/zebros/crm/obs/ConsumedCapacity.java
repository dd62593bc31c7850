package com.zebros.crm.obs;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What each request costs in DynamoDB capacity: every call asks for its consumed capacity
 * ({@link CapacityUnits}) and the units are summed per request thread, reads and writes. The service puts them into the
 * request's metrics ({@code ReadCapacityUnits}, {@code WriteCapacityUnits} by route), and the tier
 * benchmark and the bounded-cost test read them here.
 */
public final class ConsumedCapacity implements ExecutionInterceptor {
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
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return CapacityUnits.asked(context.request());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        CapacityUnits.of(context.response())
                .ifPresent(consumed -> UNITS.get()[consumed.write() ? 1 : 0] += consumed.units());
    }
}
