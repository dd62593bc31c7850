package com.zebros.platform.compute;

import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.naming.Naming;

/**
 * An SQS queue with SQS-managed encryption and its dead-letter queue (kept 14 days, the most SQS allows), where a
 * message lands after {@code maxReceiveCount} failed receives instead of being retried for ever.
 * Redrive: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 *
 * @param deadLetterName    the dead-letter queue's logical and physical name (a queue's name is its identity)
 * @param visibilitySeconds how long a received message stays hidden: longer than its consumer may hold it
 * @param waitSeconds       long polling, or null for none
 * @param retentionSeconds  how long an unreceived message is kept, or null for SQS's default of four days
 */
public record QueueWithDeadLetters(String name, String deadLetterName, int visibilitySeconds, Integer waitSeconds,
                                   Integer retentionSeconds, int maxReceiveCount) {
    static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;

    /** Creates both queues, physical names from {@code naming}. */
    Queue create(Naming naming, CustomResourceOptions options) {
        var deadLetters = new Queue(deadLetterName, QueueArgs.builder()
                .name(naming.physical(deadLetterName))
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS)
                .build(), options);
        var args = QueueArgs.builder()
                .name(naming.physical(name))
                .sqsManagedSseEnabled(true)
                .visibilityTimeoutSeconds(visibilitySeconds)
                .redrivePolicy(deadLetters.arn().applyValue(arn ->
                        "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}"));
        if (waitSeconds != null) {
            args.receiveWaitTimeSeconds(waitSeconds);
        }
        if (retentionSeconds != null) {
            args.messageRetentionSeconds(retentionSeconds);
        }
        return new Queue(name, args.build(), options);
    }
}
