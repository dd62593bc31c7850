package com.zebros.crm.crm;

import java.util.Map;

/** Where jobs go for the workers: the stack's job queue (SQS) in AWS. */
public interface JobQueue {
    /** Queues {@code job}; false when no queue is configured (a local run without workers). */
    boolean send(Map<String, Object> job);
}
