package com.zebros.crm.crm;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An opportunity's stage change, read from a stream record; any other change is no event. */
public record StageChanges(String tenantId, String opportunityId, String name, String from, String to, String at) {

    public static Optional<StageChanges> of(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"MODIFY".equals(record.getEventName()) || record.getDynamodb() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> before = record.getDynamodb().getOldImage();
        Map<String, AttributeValue> after = record.getDynamodb().getNewImage();
        if (before == null || after == null || !before.containsKey("stage") || !after.containsKey("stage")) {
            return Optional.empty();
        }
        String from = before.get("stage").getS();
        String to = after.get("stage").getS();
        if (from.equals(to)) {
            return Optional.empty();
        }
        return Optional.of(new StageChanges(
                after.get("tenantId").getS(),
                after.get("opportunityId").getS(),
                after.get("name").getS(),
                from,
                to,
                after.get("updatedAt").getS()));
    }

    public Map<String, Object> toMessage() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("event", "opportunity.stage-changed");
        message.put("tenantId", tenantId);
        message.put("opportunityId", opportunityId);
        message.put("name", name);
        message.put("from", from);
        message.put("to", to);
        message.put("at", at);
        return message;
    }
}
