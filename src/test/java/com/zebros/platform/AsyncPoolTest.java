package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncPoolTest {

    @Test
    void smallMachinesGetTheLeastParallelismAtWhichCompletableFutureUsesThePool() {
        assertEquals(OptionalInt.of(2), AsyncPool.parallelismFor(1, null));
        assertEquals(OptionalInt.of(2), AsyncPool.parallelismFor(2, null));
        assertEquals(OptionalInt.empty(), AsyncPool.parallelismFor(3, null), "3 cores: the default, 2, is enough");
        assertEquals(OptionalInt.empty(), AsyncPool.parallelismFor(16, null));
        assertEquals(OptionalInt.empty(), AsyncPool.parallelismFor(2, "1"), "the user's own setting stands");
    }

    /** In a fresh JVM that sees two processors, as CI runners do: async steps land on pool workers. */
    @Test
    void onTwoProcessorsAsyncStepsRunOnPoolWorkersNotOnAThreadEach() throws Exception {
        String classpath = Path.of("target/classes") + java.io.File.pathSeparator + Path.of("target/test-classes");
        Process probe = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:ActiveProcessorCount=2",
                        "-cp",
                        classpath,
                        Probe.class.getName()))
                .redirectErrorStream(true)
                .start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals("parallelism 2, pool worker true", out);
    }

    /** What the fresh JVM runs: the program's first step, then one async step. */
    public static final class Probe {
        public static void main(String[] args) {
            AsyncPool.useCommonPool();
            boolean onWorker = CompletableFuture.supplyAsync(
                            () -> Thread.currentThread() instanceof ForkJoinWorkerThread)
                    .join();
            System.out.println("parallelism " + ForkJoinPool.getCommonPoolParallelism() + ", pool worker " + onWorker);
        }
    }
}
