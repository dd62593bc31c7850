package com.zebros.platform.tools.offline;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The offline plan's task runner: it counts the program's fire-and-forget tasks and finishes when
 * the count reaches zero, instead of polling for them.
 *
 * <p>Why: the Java SDK's own runner ({@code DeploymentImpl.DefaultRunner}, pulumi-java 1.36.1)
 * re-schedules a check of its in-flight task table for as long as any task is pending, and on every
 * pass formats the whole table into a string for a FINEST log line whether or not that level is on.
 * A JFR recording of {@code plan} (by hand) put a third of the CPU there. The answer is the same: the program's
 * callback result once every registered task is done, the first failure as the result's exceptions
 * (the wrapper and its cause, as the SDK's runner reports them) with exit code 32 after logging it
 * to the engine, exit code 1 when the program logged errors. The golden plans prove the registered
 * resources are unchanged.
 */
final class CountingRunner implements Runner {
    private final Supplier<EngineLogger> engineLogger;
    private final AtomicInteger pending = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    CountingRunner(Supplier<EngineLogger> engineLogger) {
        this.engineLogger = engineLogger;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        pending.incrementAndGet();
        track(task);
    }

    private void track(CompletableFuture<?> task) {
        task.whenComplete((value, failure) -> {
            if (failure != null) {
                drained.completeExceptionally(failure);
            }
            if (pending.decrementAndGet() == 0) {
                // Dependents of this task that register further tasks may still be running on this
                // thread; look again once they have, and finish only if nothing was added.
                ContextAwareCompletableFuture.runAsync(() -> {
                    if (pending.get() == 0) {
                        drained.complete(null);
                    }
                });
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        // Counted before it starts, so no task it registers can bring the count to zero first.
        pending.incrementAndGet();
        CompletableFuture<T> value = ContextAwareCompletableFuture.supplyAsync(callback);
        track(value);
        return value.thenCompose(result -> drained.thenApply(ignored -> result))
                .<CompletableFuture<Result<T>>>handle(
                        (result, failure) -> failure == null ? succeeded(result) : failed(failure))
                .thenCompose(answer -> answer);
    }

    private <T> CompletableFuture<Result<T>> succeeded(T value) {
        int code = engineLogger.get().hasLoggedErrors()
                ? ProcessExitedBeforeLoggingUserActionableMessage
                : ProcessExitedSuccessfully;
        return CompletableFuture.completedFuture(new Outcome<>(code, List.of(), Optional.ofNullable(value)));
    }

    private <T> CompletableFuture<Result<T>> failed(Throwable failure) {
        List<Exception> exceptions = new ArrayList<>();
        Throwable shown = failure;
        exceptions.add(asException(failure));
        if (failure instanceof CompletionException && failure.getCause() instanceof Exception cause) {
            exceptions.add(cause);
            shown = cause;
        }
        return engineLogger
                .get()
                .errorAsync(String.valueOf(shown.getMessage()))
                .thenApply(ignored -> new Outcome<>(
                        ProcessExitedAfterLoggingUserActionableMessage, List.copyOf(exceptions), Optional.empty()));
    }

    private static Exception asException(Throwable failure) {
        return failure instanceof Exception e ? e : new IllegalStateException(failure);
    }

    /** The SDK's result type; its constructor is protected. */
    private static final class Outcome<T> extends Result<T> {
        Outcome(int exitCode, List<Exception> exceptions, Optional<T> value) {
            super(exitCode, exceptions, value);
        }
    }
}
