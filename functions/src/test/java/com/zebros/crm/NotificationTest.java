package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.zebros.crm.crm.StageChanges;
import com.zebros.crm.local.Api;
import com.zebros.crm.local.LocalDynamo;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Stage changes read from DynamoDB Local's real stream of the opportunities table, as Lambda would
 * hand them to the notification function: a stage change is one message, any other edit none.
 */
class NotificationTest {

    @Test
    void aStageChangeOnTheStreamBecomesOneMessageAndOtherEditsNone() {
        String tenant = "notify-" + UUID.randomUUID();
        String token = admin(tenant);
        String customer = Api.customer(tenant, "Notify Inc");
        String body = "{\"customerId\":\"%s\",\"name\":\"Deal\",\"amount\":{\"value\":\"10\",\"currency\":\"EUR\"},"
                + "\"stage\":\"%s\",\"expectedCloseDate\":\"2026-12-01\",\"ownerId\":\"o1\"}";
        String id = post("/v1/opportunities", token, String.format(body, customer, "proposal"))
                .json()
                .get("id")
                .getAsString();
        assertEquals(
                200,
                put("/v1/opportunities/" + id, token, String.format(body, customer, "negotiation"), "If-Match", "\"1\"")
                        .status());
        assertEquals(
                200,
                put(
                                "/v1/opportunities/" + id,
                                token,
                                String.format(body, customer, "negotiation").replace("Deal", "Deal v2"),
                                "If-Match",
                                "\"2\"")
                        .status());

        List<Map<String, Object>> messages = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records(id)) {
            StageChanges.of(record).ifPresent(change -> messages.add(change.toMessage()));
        }
        assertEquals(1, messages.size(), messages.toString());
        assertEquals("proposal", messages.get(0).get("from"));
        assertEquals("negotiation", messages.get(0).get("to"));
        assertEquals(tenant, messages.get(0).get("tenantId"));
    }

    /** The stream records of {@code opportunityId}, converted to the shape Lambda delivers. */
    private static List<DynamodbEvent.DynamodbStreamRecord> records(String opportunityId) {
        LocalDynamo dynamo = Api.server().dynamo();
        try (var streams = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(dynamo.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalDynamo.credentials())
                .build()) {
            String table = dynamo.names().get(com.zebros.crm.store.Table.OPPORTUNITIES);
            String arn = dynamo.client()
                    .describeTable(b -> b.tableName(table))
                    .table()
                    .latestStreamArn();
            List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
            for (var shard : streams.describeStream(b -> b.streamArn(arn))
                    .streamDescription()
                    .shards()) {
                String iterator = streams.getShardIterator(b -> b.streamArn(arn)
                                .shardId(shard.shardId())
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
                for (int i = 0; i < 20 && iterator != null; i++) {
                    String current = iterator;
                    var batch = streams.getRecords(b -> b.shardIterator(current));
                    for (var r : batch.records()) {
                        if (r.dynamodb().keys().get("opportunityId").s().equals(opportunityId)) {
                            out.add(convert(r));
                        }
                    }
                    if (batch.records().isEmpty()) {
                        break;
                    }
                    iterator = batch.nextShardIterator();
                }
            }
            return out;
        }
    }

    private static DynamodbEvent.DynamodbStreamRecord convert(software.amazon.awssdk.services.dynamodb.model.Record r) {
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(r.eventNameAsString());
        var stream = new StreamRecord();
        stream.setSequenceNumber(r.dynamodb().sequenceNumber());
        stream.setOldImage(image(r.dynamodb().oldImage()));
        stream.setNewImage(image(r.dynamodb().newImage()));
        record.setDynamodb(stream);
        return record;
    }

    private static Map<String, AttributeValue> image(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> out = new HashMap<>();
        item.forEach((k, v) -> Optional.ofNullable(v.s()).ifPresent(s -> out.put(k, new AttributeValue().withS(s))));
        return out;
    }
}
