package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.zebros.crm.crm.StageChanges;
import com.zebros.crm.http.Json;
import com.zebros.crm.obs.MemoryUse;
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
    /** Built during initialisation; its publish path is primed up to the wire before the snapshot. */
    private static final SnsClient SNS = SnsClient.builder()
            .httpClient(UrlConnectionHttpClient.builder().build())
            .region(software.amazon.awssdk.regions.Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(new PrimingGuard()))
            .build();

    static {
        Priming.register("notification", NotificationHandler::prime, () -> {});
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                StageChanges.of(record).ifPresent(change -> publish(change.toMessage()));
            } catch (RuntimeException e) {
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber())
                        .build());
            }
        }
        MemoryUse.LAMBDA.record(System.out);
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static void publish(Map<String, Object> message) {
        SNS.publish(b -> b.topicArn(System.getenv("NOTIFICATIONS_TOPIC_ARN"))
                .message(Json.write(message))
                .subject("Opportunity stage changed"));
    }

    /**
     * A batch as the stream delivers it, through the handler: a stage change, whose publish is
     * marshalled and signed and then stopped before the wire (the guard's refusal makes it a failed
     * record of this batch only), and a record that is no stage change.
     */
    static void prime() {
        var handler = new NotificationHandler();
        for (int i = 0; i < Priming.ROUNDS; i++) {
            handler.handleRequest(primingBatch(), null);
        }
    }

    private static DynamodbEvent primingBatch() {
        Map<String, AttributeValue> before = Map.of("stage", new AttributeValue("proposal"));
        Map<String, AttributeValue> after = Map.of(
                "stage",
                new AttributeValue("negotiation"),
                "tenantId",
                new AttributeValue("snapstart-priming"),
                "opportunityId",
                new AttributeValue("opp_primed"),
                "name",
                new AttributeValue("Primed"),
                "updatedAt",
                new AttributeValue("2026-01-01T00:00:00Z"));
        var change = new DynamodbEvent.DynamodbStreamRecord();
        change.setEventName("MODIFY");
        change.setDynamodb(
                new StreamRecord().withSequenceNumber("1").withOldImage(before).withNewImage(after));
        var insert = new DynamodbEvent.DynamodbStreamRecord();
        insert.setEventName("INSERT");
        insert.setDynamodb(new StreamRecord().withSequenceNumber("2").withNewImage(after));
        var event = new DynamodbEvent();
        event.setRecords(List.of(change, insert));
        return event;
    }
}
