package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.zebros.crm.crm.StageChanges;
import com.zebros.crm.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Reads the opportunities stream and publishes one message per stage change to the notifications
 * topic. A record that fails is reported alone, so the rest of the batch is not retried.
 */
public final class NotificationHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static volatile SnsClient sns;

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                StageChanges.of(record).ifPresent(change -> publish(change.toMessage()));
            } catch (RuntimeException e) {
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static void publish(Map<String, Object> message) {
        if (sns == null) {
            sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.builder().build()).build();
        }
        sns.publish(b -> b.topicArn(System.getenv("NOTIFICATIONS_TOPIC_ARN")).message(Json.write(message))
                .subject("Opportunity stage changed"));
    }
}
