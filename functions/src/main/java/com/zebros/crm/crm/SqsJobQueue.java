package com.zebros.crm.crm;

import com.zebros.crm.http.Json;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** The job queue the EventBridge pipe reads: one message per job, the job as JSON. */
public final class SqsJobQueue implements JobQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsJobQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public boolean send(Map<String, Object> job) {
        sqs.sendMessage(SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(Json.write(job))
                .build());
        return true;
    }
}
