package com.zebros.worker;

import com.zebros.crm.http.Json;
import com.zebros.crm.obs.Log;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A member of the report pool (phase 1 and up): takes one message at a time from the pool's queue,
 * runs its job and answers the waiting state machine with the task token. While a job runs it sends
 * a heartbeat every minute (the state waits at most 300 s for one) and keeps the message hidden;
 * a worker that dies stops both, and the job goes to another worker. SIGTERM (a scale-in) lets the
 * job in hand finish and stops taking new ones.
 */
public final class PoolLoop {
    /** How long a taken message stays hidden, and how often a running job renews that and its heartbeat. */
    public record Timing(int visibilitySeconds, int heartbeatSeconds, int waitSeconds) {
        /** Visibility longer than a heartbeat interval, so a live worker's message never reappears. */
        public static final Timing PRODUCTION = new Timing(180, 60, 20);
    }

    private final Function<Job, JobRunner.Result> runner;
    private final SqsClient sqs;
    private final TaskTokens tokens;
    private final String queueUrl;
    private final Log log;
    private final Timing timing;
    private volatile boolean stopping;

    public PoolLoop(JobRunner runner, AwsClients aws, String queueUrl, Log log) {
        this(runner::run, aws.sqs(), new StepFunctionsTaskTokens(aws.sfn()), queueUrl, log, Timing.PRODUCTION);
    }

    public PoolLoop(
            Function<Job, JobRunner.Result> runner,
            SqsClient sqs,
            TaskTokens tokens,
            String queueUrl,
            Log log,
            Timing timing) {
        this.runner = runner;
        this.sqs = sqs;
        this.tokens = tokens;
        this.queueUrl = queueUrl;
        this.log = log;
        this.timing = timing;
    }

    public void runUntilStopped() {
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            try {
                main.join(25_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        try {
            while (!stopping) {
                pollOnce(heartbeats);
            }
        } finally {
            heartbeats.shutdownNow();
        }
    }

    /** One long poll: takes at most one message and runs its job to the end; false when none came. */
    public boolean pollOnce(ScheduledExecutorService heartbeats) {
        var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(1)
                        .waitTimeSeconds(timing.waitSeconds())
                        .visibilityTimeout(timing.visibilitySeconds()))
                .messages();
        for (Message message : messages) {
            handle(message, heartbeats);
        }
        return !messages.isEmpty();
    }

    private void handle(Message message, ScheduledExecutorService heartbeats) {
        PoolMessage work;
        try {
            work = PoolMessage.parse(message.body());
        } catch (BadJob e) {
            // Without a token there is no one to answer; the message can only be dropped.
            log.error("unusable pool message dropped", message.messageId(), "", Map.of("reason", e.getMessage()));
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            return;
        }
        var beat = heartbeats.scheduleAtFixedRate(
                () -> heartbeat(work, message), timing.heartbeatSeconds(), timing.heartbeatSeconds(), TimeUnit.SECONDS);
        JobRunner.Result result;
        try {
            // A worker that dies here answers nothing and deletes nothing: the message reappears for
            // another worker, and after the queue's redrive count it goes to the dead-letter queue.
            result = runner.apply(work.job());
        } finally {
            beat.cancel(false);
        }
        answer(work, result);
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    private void heartbeat(PoolMessage work, Message message) {
        try {
            tokens.heartbeat(work.taskToken());
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl)
                    .receiptHandle(message.receiptHandle())
                    .visibilityTimeout(timing.visibilitySeconds()));
        } catch (RuntimeException e) {
            log.error(
                    "heartbeat failed",
                    work.job().jobId(),
                    work.job().tenantId(),
                    Map.of("reason", String.valueOf(e.getMessage())));
        }
    }

    private void answer(PoolMessage work, JobRunner.Result result) {
        if (result.status() == JobRunner.Status.DONE) {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("resultKey", result.outcome().resultKey());
            output.put("summary", result.outcome().summary());
            tokens.success(work.taskToken(), Json.write(output));
            return;
        }
        // The state machine retries States.Timeout only; a reported failure goes straight to RecordFailure,
        // which keeps the reason the worker left on the job.
        String error = result.status() == JobRunner.Status.REJECTED ? "BadJob" : "WorkerFailed";
        String cause = result.message().length() > 32_000 ? result.message().substring(0, 32_000) : result.message();
        tokens.failure(work.taskToken(), error, cause);
    }
}
