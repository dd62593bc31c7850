package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
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
    private static final SnsClient SNS = SnsClient.builder().httpClient(UrlConnectionHttpClient.builder().build())
            .region(software.amazon.awssdk.regions.Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(new PrimingGuard())).build();

    static {
        Priming.register("notification", NotificationHandler::prime, () -> { });
    }

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
        MemoryUse.LAMBDA.record(System.out);
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static void publish(Map<String, Object> message) {
        SNS.publish(b -> b.topicArn(System.getenv("NOTIFICATIONS_TOPIC_ARN")).message(Json.write(message))
                .subject("Opportunity stage changed"));
    }

    /** A stage change read from a stream record and its message marshalled and signed, never sent. */
    static void prime() {
        Map<String, Object> message = Map.of("tenantId", "snapstart-priming", "opportunityId", "opp_primed",
                "from", "proposal", "to", "negotiation");
        PrimingGuard.call(() -> SNS.publish(b -> b.topicArn("arn:aws:sns:us-east-1:000000000000:snapstart-priming")
                .message(Json.write(message)).subject("Opportunity stage changed")));
    }
}
