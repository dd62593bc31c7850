package com.zebros.crm.crm;

import com.zebros.crm.store.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The CRM's entities and their fields. */
public final class Entities {
    public static final Set<String> STAGES = Set.of("prospecting", "qualification", "proposal", "negotiation",
            "closed-won", "closed-lost");
    public static final List<String> STAGE_ORDER = List.of("prospecting", "qualification", "proposal", "negotiation",
            "closed-won", "closed-lost");
    /** The longest customer name; a search prefix longer than this can match nothing. */
    static final int NAME_LENGTH = 200;
    public static final Set<String> ACTIVITY_TYPES = Set.of("call", "email", "meeting", "task", "note");

    private Entities() {
    }

    public static final EntityType CUSTOMER = new EntityType() {
        public String name() {
            return "customer";
        }

        public Table table() {
            return Table.CUSTOMERS;
        }

        public List<Field> fields() {
            return List.of(Field.text("name", NAME_LENGTH).required(), Field.email("email"), Field.text("phone", 40),
                    Field.text("industry", 100), Field.text("website", 300), Field.id("ownerId"), Field.domain("domain"));
        }

        @Override
        public java.util.Optional<String> uniqueField() {
            return java.util.Optional.of("domain");
        }

        public void deriveKeys(String tenant, String id, Map<String, AttributeValue> item) {
            item.put("nameKey", AttributeValue.fromS(EntityType.nameKey(item.get("name").s(), id)));
        }
    };

    public static final EntityType CONTACT = new EntityType() {
        public String name() {
            return "contact";
        }

        public Table table() {
            return Table.CONTACTS;
        }

        public List<Field> fields() {
            return List.of(Field.id("customerId").required(), Field.text("firstName", 100).required(),
                    Field.text("lastName", 100).required(), Field.email("email"), Field.text("phone", 40),
                    Field.text("title", 100));
        }

        @Override
        public java.util.Optional<String> uniqueField() {
            return java.util.Optional.of("email");
        }

        @Override
        public List<String> immutableFields() {
            return List.of("customerId");
        }

        public void deriveKeys(String tenant, String id, Map<String, AttributeValue> item) {
            String name = item.get("lastName").s() + " " + item.get("firstName").s();
            item.put("nameKey", AttributeValue.fromS(EntityType.nameKey(name, id)));
            item.put("tenantCustomer", AttributeValue.fromS(tenant + "#" + item.get("customerId").s()));
        }
    };

    public static final EntityType OPPORTUNITY = new EntityType() {
        public String name() {
            return "opportunity";
        }

        public Table table() {
            return Table.OPPORTUNITIES;
        }

        public List<Field> fields() {
            return List.of(Field.id("customerId").required(), Field.text("name", 200).required(),
                    Field.money("amount").required(), Field.choice("stage", STAGES).required(),
                    Field.date("expectedCloseDate").required(), Field.id("ownerId").required());
        }

        @Override
        public List<String> immutableFields() {
            return List.of("customerId");
        }

        @Override
        public List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> alongside(
                com.zebros.crm.store.Store store, String tenant, Map<String, AttributeValue> before,
                Map<String, AttributeValue> after) {
            if (!after.isEmpty()) {
                after.put(PipelineTotals.COUNTED, AttributeValue.fromBool(true));
            }
            return PipelineTotals.change(store, tenant, before, after).map(List::of).orElse(List.of());
        }

        public void deriveKeys(String tenant, String id, Map<String, AttributeValue> item) {
            String close = item.get("expectedCloseDate").s() + "#" + id;
            item.put("closeKey", AttributeValue.fromS(close));
            item.put("tenantStage", AttributeValue.fromS(tenant + "#" + item.get("stage").s()));
            item.put("tenantOwner", AttributeValue.fromS(tenant + "#" + item.get("ownerId").s()));
            item.put("tenantCustomer", AttributeValue.fromS(tenant + "#" + item.get("customerId").s()));
        }
    };

    public static final EntityType ACTIVITY = new EntityType() {
        public String name() {
            return "activity";
        }

        public Table table() {
            return Table.ACTIVITIES;
        }

        public List<Field> fields() {
            return List.of(Field.id("customerId").required(), Field.choice("type", ACTIVITY_TYPES).required(),
                    Field.text("subject", 200).required(), Field.text("notes", 10000), Field.id("contactId"),
                    Field.id("opportunityId"), Field.instant("occurredAt"), Field.instant("dueAt"),
                    Field.id("ownerId").required());
        }

        @Override
        public List<String> immutableFields() {
            return List.of("customerId");
        }

        @Override
        public void check(Map<String, AttributeValue> item, List<com.zebros.crm.http.ApiException.FieldError> errors) {
            if (!item.containsKey("occurredAt") && !item.containsKey("dueAt")) {
                errors.add(new com.zebros.crm.http.ApiException.FieldError("occurredAt",
                        "an activity needs occurredAt (it happened) or dueAt (it is due)"));
            }
        }

        public void deriveKeys(String tenant, String id, Map<String, AttributeValue> item) {
            AttributeValue when = item.getOrDefault("occurredAt", item.get("dueAt"));
            item.put("occurredKey", AttributeValue.fromS(when.s() + "#" + id));
            item.put("tenantCustomer", AttributeValue.fromS(tenant + "#" + item.get("customerId").s()));
            item.put("tenantOwner", AttributeValue.fromS(tenant + "#" + item.get("ownerId").s()));
        }
    };
}
