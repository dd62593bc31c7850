package com.zebros.crm.faults;

import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A request's time for AWS calls. Each call is bounded on its own ({@link Timeouts#CALL}); a request
 * makes several, so under a slow DynamoDB their sum could outlast the function. Once the request's
 * budget is spent, the next call is not started: it fails at once as unavailable, and the request
 * answers 503 within the budget and one call.
 */
public final class RequestBudget implements ExecutionInterceptor {
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    /** Starts this thread's request with {@code budget} to spend. */
    public static void start(Duration budget) {
        DEADLINE.set(System.nanoTime() + budget.toNanos());
    }

    public static void end() {
        DEADLINE.remove();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Long deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() > deadline) {
            throw SdkClientException.create("the request's " + Timeouts.REQUEST.toMillis()
                    + " ms for AWS calls is spent; the call was not started");
        }
    }
}
