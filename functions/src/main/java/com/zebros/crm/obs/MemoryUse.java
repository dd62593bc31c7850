package com.zebros.crm.obs;

import com.zebros.crm.http.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The function's memory use as a share of its configured memory, the signal of the seeds' "memory > 70 % →
 * increase Lambda memory" (Lambda publishes no memory metric without the Lambda Insights extension). The
 * peak resident set of the process ({@code VmHWM} in {@code /proc/self/status}, what Lambda's "Max Memory
 * Used" also tracks) over {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, as an embedded-metric record with the
 * function's name as its dimension. The peak only grows, so one record a minute per environment loses
 * nothing and keeps the log small. Outside Lambda (no memory size in the environment) it writes nothing.
 */
public final class MemoryUse {
    public static final String METRIC = "MemoryUsedPercent";
    static final long INTERVAL_MILLIS = 60_000;

    private final Path status;
    private final Map<String, String> env;
    private final Clock clock;
    private long lastWritten = Long.MIN_VALUE;

    public MemoryUse(Path status, Map<String, String> env, Clock clock) {
        this.status = status;
        this.env = env;
        this.clock = clock;
    }

    /** The one each handler uses: this process, Lambda's environment, the system clock. */
    public static final MemoryUse LAMBDA =
            new MemoryUse(Path.of("/proc/self/status"), System.getenv(), Clock.systemUTC());

    /** Writes the record when a minute has passed since the last one; never throws into a request. */
    public synchronized void record(PrintStream out) {
        String configured = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        long now = clock.millis();
        if (configured == null || (lastWritten != Long.MIN_VALUE && now - lastWritten < INTERVAL_MILLIS)) {
            return;
        }
        OptionalLong peakKb = peakResidentKb();
        if (peakKb.isEmpty()) {
            return;
        }
        lastWritten = now;
        double percent = 100.0 * peakKb.getAsLong() / 1024 / Double.parseDouble(configured);
        out.println(Json.write(Map.of(
                "_aws",
                Map.of(
                        "Timestamp",
                        now,
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                Metrics.NAMESPACE,
                                "Dimensions",
                                List.of(List.of("FunctionName")),
                                "Metrics",
                                List.of(Map.of("Name", METRIC, "Unit", "Percent"))))),
                "FunctionName",
                env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "unknown"),
                METRIC,
                Math.round(percent * 10) / 10.0)));
    }

    OptionalLong peakResidentKb() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(
                            Long.parseLong(line.substring(6).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or an unexpected line: no record rather than a failed request.
        }
        return OptionalLong.empty();
    }
}
