package com.zebros.platform.compute;

import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.naming.Naming;
import java.util.OptionalInt;

/**
 * An SQS queue with SQS-managed encryption and its dead-letter queue (kept 14 days, the most SQS allows), where a
 * message lands after {@code maxReceiveCount} failed receives instead of being retried for ever.
 * Redrive: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 *
 * @param name              the queue's logical and physical name (a queue's name is its identity)
 * @param deadLetterName    the dead-letter queue's
 * @param visibilitySeconds how long a received message stays hidden: longer than its consumer may hold it
 * @param maxReceiveCount   the receives after which a message moves to the dead letters
 * @param waitSeconds       long polling; empty, none
 * @param retentionSeconds  how long an unreceived message is kept; empty, SQS's default of four days
 * @param fifo              first in, first out within each message group, with deduplication; both queues are FIFO
 *                          then (a FIFO queue's dead-letter queue must be one) and their names end in ".fifo"
 *                          (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html)
 */
public record QueueWithDeadLetters(
        String name,
        String deadLetterName,
        int visibilitySeconds,
        int maxReceiveCount,
        OptionalInt waitSeconds,
        OptionalInt retentionSeconds,
        boolean fifo) {
    static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;

    /** A queue without long polling, keeping messages for SQS's default. */
    static QueueWithDeadLetters of(String name, String deadLetterName, int visibilitySeconds, int maxReceiveCount) {
        return new QueueWithDeadLetters(
                name,
                deadLetterName,
                visibilitySeconds,
                maxReceiveCount,
                OptionalInt.empty(),
                OptionalInt.empty(),
                false);
    }

    /** The same queue, its receivers waiting up to {@code seconds} for a message. */
    QueueWithDeadLetters longPolling(int seconds) {
        return new QueueWithDeadLetters(
                name,
                deadLetterName,
                visibilitySeconds,
                maxReceiveCount,
                OptionalInt.of(seconds),
                retentionSeconds,
                fifo);
    }

    /** The same queue, keeping an unreceived message for {@code seconds}. */
    QueueWithDeadLetters retainedFor(int seconds) {
        return new QueueWithDeadLetters(
                name, deadLetterName, visibilitySeconds, maxReceiveCount, waitSeconds, OptionalInt.of(seconds), fifo);
    }

    /** The same queues as FIFO queues. */
    QueueWithDeadLetters firstInFirstOut() {
        return new QueueWithDeadLetters(
                name, deadLetterName, visibilitySeconds, maxReceiveCount, waitSeconds, retentionSeconds, true);
    }

    /** The work queue and its dead-letter queue, where a message lands after its last receive. */
    record Created(Queue queue, Queue deadLetters) {}

    /** Creates both queues, physical names from {@code naming}. */
    Created create(Naming naming, CustomResourceOptions options) {
        String suffix = fifo ? ".fifo" : "";
        var deadLetterArgs = QueueArgs.builder()
                .name(naming.physical(deadLetterName) + suffix)
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS);
        if (fifo) {
            deadLetterArgs.fifoQueue(true);
        }
        var deadLetters = new Queue(deadLetterName, deadLetterArgs.build(), options);
        var args = QueueArgs.builder()
                .name(naming.physical(name) + suffix)
                .sqsManagedSseEnabled(true)
                .visibilityTimeoutSeconds(visibilitySeconds)
                .redrivePolicy(deadLetters
                        .arn()
                        .applyValue(arn -> "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":"
                                + maxReceiveCount + "}"));
        waitSeconds.ifPresent(args::receiveWaitTimeSeconds);
        retentionSeconds.ifPresent(args::messageRetentionSeconds);
        if (fifo) {
            args.fifoQueue(true);
        }
        return new Created(new Queue(name, args.build(), options), deadLetters);
    }
}
