package com.zebros.worker;

import com.zebros.crm.obs.Log;
import com.zebros.crm.store.Table;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs one job through a worker and keeps its item true: RUNNING while it works, DONE with the
 * result when it ends, the reason on the item when it fails. Whether it came from {@code JOB} or
 * from the pool's queue makes no difference here.
 */
public final class JobRunner {
    /** How a job ended: DONE (now or by an earlier attempt), REJECTED (a bad job), FAILED (retry it). */
    public enum Status {
        DONE,
        REJECTED,
        FAILED
    }

    public record Result(Status status, Outcome outcome, String message) {
        /** The process exit status: 0 done, 2 a bad job no retry can fix, 1 a failure worth a retry. */
        public int exitCode() {
            return switch (status) {
                case DONE -> 0;
                case REJECTED -> 2;
                case FAILED -> 1;
            };
        }
    }

    private final Worker worker;
    private final WorkerSettings settings;
    private final AwsClients aws;
    private final Clock clock;
    private final Log log;
    private final JobRecord record;

    public JobRunner(Worker worker, WorkerSettings settings, AwsClients aws, Clock clock, Log log) {
        this.worker = worker;
        this.settings = settings;
        this.aws = aws;
        this.clock = clock;
        this.log = log;
        this.record = new JobRecord(aws.dynamo(), settings.tables().get(Table.JOBS), clock);
    }

    public Result run(Job job) {
        long started = System.nanoTime();
        try {
            if (!worker.kind().equals(job.kind())) {
                throw new BadJob("the " + worker.kind() + " worker runs only " + worker.kind() + " jobs; this "
                        + job.kind() + " job belongs to the " + job.kind() + " worker");
            }
            Map<String, AttributeValue> stored = record.begin(job);
            if (JobRecord.DONE.equals(stored.get("status").s())) {
                log.info("job already done", job.jobId(), job.tenantId(), Map.of("kind", job.kind()));
                return new Result(
                        Status.DONE,
                        new Outcome(
                                stored.containsKey("resultKey")
                                        ? stored.get("resultKey").s()
                                        : null,
                                Map.of()),
                        "already done");
            }
            log.info(
                    "job started",
                    job.jobId(),
                    job.tenantId(),
                    Map.of(
                            "kind",
                            job.kind(),
                            "attempt",
                            Integer.parseInt(stored.get("attempts").n())));
            Outcome outcome = worker.run(job, new JobContext(settings, aws, record, stored, clock));
            record.finish(job, outcome.resultKey(), outcome.summary());
            Map<String, Object> fields = new LinkedHashMap<>(outcome.summary());
            fields.put("kind", job.kind());
            fields.put("seconds", (System.nanoTime() - started) / 1e9);
            if (outcome.resultKey() != null) {
                fields.put("resultKey", outcome.resultKey());
            }
            log.info("job done", job.jobId(), job.tenantId(), fields);
            return new Result(Status.DONE, outcome, "done");
        } catch (BadJob e) {
            log.error(
                    "job rejected", job.jobId(), job.tenantId(), Map.of("kind", job.kind(), "reason", e.getMessage()));
            recordQuietly(() -> record.rejected(job, e.getMessage()));
            return new Result(Status.REJECTED, null, e.getMessage());
        } catch (Exception e) {
            String reason =
                    "the " + job.kind() + " worker failed: " + describe(e) + "; it is retried from where it stopped";
            log.error("job attempt failed", job.jobId(), job.tenantId(), Map.of("kind", job.kind(), "reason", reason));
            recordQuietly(() -> record.attemptFailed(job, reason));
            return new Result(Status.FAILED, null, reason);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /** A failure to record the failure must not hide the failure itself; the state machine records it too. */
    private void recordQuietly(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.error("could not record the job's failure", "", "", Map.of("reason", describe(e)));
        }
    }
}
