package com.zebros.platform.tools.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.test.internal.MockEngine;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The runner answers as the SDK's own runner does: values, failures and exit codes. */
class CountingRunnerTest {
    private final MockEngine engine = new MockEngine();
    private final AtomicReference<CountingRunner> runnerRef = new AtomicReference<>();
    private final DeploymentImpl.DefaultEngineLogger logger = new DeploymentImpl.DefaultEngineLogger(
            PulumiTestInternal.logger(java.util.logging.Level.OFF), runnerRef::get, () -> engine);
    private final CountingRunner runner = new CountingRunner(() -> logger);

    CountingRunnerTest() {
        runnerRef.set(runner);
    }

    @Test
    void theResultWaitsForEveryTaskTheProgramRegistered() throws Exception {
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture<String> chained = new CompletableFuture<>();
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("slow", slow);
            return "value";
        });
        assertFalse(result.isDone(), "a task is still pending");
        // A task that, when it completes, registers another: the runner must not finish between them.
        slow.thenRun(() -> runner.registerTask("chained", chained));
        slow.complete("done");
        Thread.sleep(50);
        assertFalse(result.isDone(), "the chained task is still pending");
        chained.complete("done");
        Runner.Result<String> answer = result.get(10, TimeUnit.SECONDS);
        assertEquals(0, answer.exitCode());
        assertEquals("value", answer.result().orElseThrow());
        assertTrue(answer.exceptions().isEmpty());
    }

    @Test
    void aFailedTaskEndsTheRunWithItsExceptionAndCodeThirtyTwoAfterLoggingIt() throws Exception {
        IllegalStateException cause = new IllegalStateException("bucket name taken");
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("never", new CompletableFuture<>());
            runner.registerTask("fails", CompletableFuture.failedFuture(cause));
            return "value";
        });
        Runner.Result<String> answer = result.get(10, TimeUnit.SECONDS);
        assertEquals(Runner.ProcessExitedAfterLoggingUserActionableMessage, answer.exitCode());
        assertTrue(
                answer.exceptions().get(0) instanceof CompletionException,
                answer.exceptions().toString());
        assertSame(cause, answer.exceptions().get(1));
        assertTrue(answer.result().isEmpty());
        assertTrue(
                engine.getErrors().stream().anyMatch(e -> e.contains("bucket name taken")),
                engine.getErrors().toString());
    }

    @Test
    void aProgramThatThrowsIsReportedTheSameWay() throws Exception {
        Runner.Result<String> answer = runner.<String>runAsync(() -> {
                    throw new IllegalArgumentException("bad config");
                })
                .get(10, TimeUnit.SECONDS);
        assertEquals(Runner.ProcessExitedAfterLoggingUserActionableMessage, answer.exitCode());
        assertTrue(
                answer.exceptions().stream().anyMatch(e -> "bad config".equals(e.getMessage())),
                answer.exceptions().toString());
    }

    @Test
    void aProgramThatLoggedAnErrorExitsWithOne() throws Exception {
        Runner.Result<String> answer = runner.runAsync(() -> {
                    logger.errorAsync("a problem the program reported");
                    return "value";
                })
                .get(10, TimeUnit.SECONDS);
        assertEquals(Runner.ProcessExitedBeforeLoggingUserActionableMessage, answer.exitCode());
        assertEquals("value", answer.result().orElseThrow());
        assertTrue(
                engine.getErrors().contains("a problem the program reported"),
                engine.getErrors().toString());
    }
}
