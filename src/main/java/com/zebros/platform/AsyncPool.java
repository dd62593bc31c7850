package com.zebros.platform;

import java.util.OptionalInt;

/**
 * Makes the Pulumi runtime's asynchronous steps run on the common fork-join pool on small machines.
 *
 * <p>Why: every {@code CompletableFuture} step without an explicit executor runs on
 * {@code ForkJoinPool.commonPool()} "unless it does not support a parallelism level of at least
 * two, in which case, a new Thread is created to run each task"
 * (https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/CompletableFuture.html).
 * The pool's default parallelism is one less than the processors, so on a 2-core machine (CI
 * runners, small laptops) the SDK started a thread for each of its thousands of steps: a recording
 * of one plan showed 2,394 threads started. The parallelism is a system property the pool reads
 * once, when it is first used
 * (https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/ForkJoinPool.html),
 * so this runs first thing in {@code main}.
 */
final class AsyncPool {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /** The least parallelism at which CompletableFuture uses the pool instead of a thread per task. */
    static final int LEAST = 2;

    private AsyncPool() {}

    /** Raises the common pool's parallelism to {@link #LEAST} unless the user set it. */
    static void useCommonPool() {
        String configured = System.getProperty(PARALLELISM);
        parallelismFor(Runtime.getRuntime().availableProcessors(), configured)
                .ifPresent(p -> System.setProperty(PARALLELISM, String.valueOf(p)));
    }

    /** The parallelism to set, or empty to leave the JVM's choice (enough cores, or the user's own setting). */
    static OptionalInt parallelismFor(int processors, String configured) {
        if (configured != null && !configured.isBlank()) {
            return OptionalInt.empty();
        }
        return processors - 1 >= LEAST ? OptionalInt.empty() : OptionalInt.of(LEAST);
    }
}
