package com.zebros.worker;

import com.zebros.crm.http.Json;
import com.zebros.crm.obs.Log;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A member of the report pool (phase 1 and up): takes one message at a time from the pool's queue,
 * runs its job and answers the waiting state machine with the task token. While a job runs it sends
 * a heartbeat every minute (the state waits at most 300 s for one) and keeps the message hidden;
 * a worker that dies stops both, and the job goes to another worker. SIGTERM (a scale-in) lets the
 * job in hand finish and stops taking new ones.
 */
public final class PoolLoop {
    /** Longer than a heartbeat interval, so a live worker's message never reappears. */
    private static final int VISIBILITY_SECONDS = 180;
    private static final int HEARTBEAT_SECONDS = 60;

    private final JobRunner runner;
    private final AwsClients aws;
    private final String queueUrl;
    private final Log log;
    private volatile boolean stopping;

    public PoolLoop(JobRunner runner, AwsClients aws, String queueUrl, Log log) {
        this.runner = runner;
        this.aws = aws;
        this.queueUrl = queueUrl;
        this.log = log;
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
                for (Message message : aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1)
                        .waitTimeSeconds(20).visibilityTimeout(VISIBILITY_SECONDS)).messages()) {
                    handle(message, heartbeats);
                }
            }
        } finally {
            heartbeats.shutdownNow();
        }
    }

    private void handle(Message message, ScheduledExecutorService heartbeats) {
        PoolMessage work;
        try {
            work = PoolMessage.parse(message.body());
        } catch (BadJob e) {
            // Without a token there is no one to answer; the message can only be dropped.
            log.error("unusable pool message dropped", message.messageId(), "", Map.of("reason", e.getMessage()));
            aws.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            return;
        }
        var beat = heartbeats.scheduleAtFixedRate(() -> heartbeat(work, message), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
        JobRunner.Result result;
        try {
            result = runner.run(work.job());
        } finally {
            beat.cancel(false);
        }
        answer(work, result);
        aws.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    private void heartbeat(PoolMessage work, Message message) {
        try {
            aws.sfn().sendTaskHeartbeat(r -> r.taskToken(work.taskToken()));
            aws.sqs().changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                    .visibilityTimeout(VISIBILITY_SECONDS));
        } catch (RuntimeException e) {
            log.error("heartbeat failed", work.job().jobId(), work.job().tenantId(), Map.of("reason", String.valueOf(e.getMessage())));
        }
    }

    private void answer(PoolMessage work, JobRunner.Result result) {
        if (result.status() == JobRunner.Status.DONE) {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("resultKey", result.outcome().resultKey());
            output.put("summary", result.outcome().summary());
            aws.sfn().sendTaskSuccess(r -> r.taskToken(work.taskToken()).output(Json.write(output)));
            return;
        }
        // The state machine retries States.Timeout only; a reported failure goes straight to RecordFailure,
        // which keeps the reason the worker left on the job.
        String error = result.status() == JobRunner.Status.REJECTED ? "BadJob" : "WorkerFailed";
        String cause = result.message().length() > 32_000 ? result.message().substring(0, 32_000) : result.message();
        aws.sfn().sendTaskFailure(r -> r.taskToken(work.taskToken()).error(error).cause(cause));
    }
}
