package com.zebros.crm.lambda;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets priming run an AWS call through the whole SDK pipeline (marshalling, endpoint resolution,
 * signing) and stops it just before anything is sent: nothing is read or written, and no connection is
 * opened that a restored environment would inherit stale.
 */
public final class PrimingGuard implements ExecutionInterceptor {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);
    private static final java.util.concurrent.atomic.AtomicInteger STOPPED = new java.util.concurrent.atomic.AtomicInteger();

    /** Thrown instead of sending a primed call. */
    public static final class NotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSent() {
            super("a priming call is never sent", null, false, false);
        }
    }

    /** How many primed AWS calls went through the SDK and were stopped before the wire. */
    public static int stoppedCalls() {
        return STOPPED.get();
    }

    /** Whether this thread is priming: code that would open a connection (Redis) skips itself then. */
    public static boolean isActive() {
        return ACTIVE.get();
    }

    static void during(Runnable priming) {
        ACTIVE.set(true);
        try {
            priming.run();
        } finally {
            ACTIVE.set(false);
        }
    }

    /** Runs {@code reads} with the guard lifted: calls go to AWS for real (priming uses it for reads only). */
    static void outside(Runnable reads) {
        boolean was = ACTIVE.get();
        ACTIVE.set(false);
        try {
            reads.run();
        } finally {
            ACTIVE.set(was);
        }
    }

    /** Runs one AWS call for priming: everything but the sending. */
    public static void call(Runnable awsCall) {
        try {
            awsCall.run();
        } catch (NotSent | software.amazon.awssdk.core.exception.SdkClientException e) {
            // expected: the guard stopped it before the wire
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (ACTIVE.get()) {
            STOPPED.incrementAndGet();
            throw new NotSent();
        }
    }
}
