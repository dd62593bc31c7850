package com.zebros.crm.crm;

import com.zebros.crm.store.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The CRM's entities and their fields. */
public final class Entities {
    /** The longest customer name; a search prefix longer than this can match nothing. */
    static final int NAME_LENGTH = 200;
    /** The longest industry; its key is at most 300 bytes of UTF-8 and fits a partition key's 2,048. */
    static final int INDUSTRY_LENGTH = 100;

    public static final Set<String> ACTIVITY_TYPES = Set.of("call", "email", "meeting", "task", "note");
    /** A task's states; a task created without one is open. */
    public static final Set<String> TASK_STATUSES = Set.of("open", "done", "cancelled");
    /** Where a task with no due date sorts among a user's open tasks: after every dated one. */
    static final String NO_DUE_DATE = "9999-12-31T23:59:59Z";

    private Entities() {}

    /** An industry as its key holds it: trimmed and in lower case, so "SaaS" and "saas " are one industry. */
    static String industryKey(String industry) {
        return industry.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The created and updated times' keys, fixed width (SortKeys). */
    private static void putTimeKeys(String id, Map<String, AttributeValue> item) {
        item.put(
                "createdKey",
                AttributeValue.fromS(
                        SortKeys.key(SortKeys.instant(item.get("createdAt").s()), id)));
        item.put(
                "updatedKey",
                AttributeValue.fromS(
                        SortKeys.key(SortKeys.instant(item.get("updatedAt").s()), id)));
    }

    public static final EntityType CUSTOMER = new EntityType() {
        public String name() {
            return "customer";
        }

        public Table table() {
            return Table.CUSTOMERS;
        }

        public List<Field> fields() {
            return List.of(
                    Field.text("name", NAME_LENGTH).required(),
                    Field.email("email"),
                    Field.text("phone", 40),
                    Field.text("industry", INDUSTRY_LENGTH),
                    Field.text("website", 300),
                    Field.id("ownerId"),
                    Field.domain("domain"));
        }

        @Override
        public java.util.Optional<String> uniqueField() {
            return java.util.Optional.of("domain");
        }

        /** Name, domain, industry and owner (both sparse), created and updated time: Listings.CUSTOMERS. */
        public void deriveKeys(String tenant, String id, Map<String, AttributeValue> item) {
            item.put(
                    "nameKey",
                    AttributeValue.fromS(EntityType.nameKey(item.get("name").s(), id)));
            EntityType.searchKey(item, "domain", id).ifPresent(key -> item.put("domainKey", key));
            if (item.containsKey("industry")) {
                item.put(
                        "tenantIndustry",
                        AttributeValue.fromS(
                                tenant + "#" + industryKey(item.get("industry").s())));
            }
            if (item.containsKey("ownerId")) {
                item.put(
                        "tenantOwner",
                        AttributeValue.fromS(tenant + "#" + item.get("ownerId").s()));
            }
            putTimeKeys(id, item);
        }

        public List<String> derivedAttributes() {
            return List.of("nameKey", "domainKey", "tenantIndustry", "tenantOwner", "createdKey", "updatedKey");
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
            return List.of(
                    Field.id("customerId").required(),
                    Field.text("firstName", 100).required(),
                    Field.text("lastName", 100).required(),
                    Field.email("email"),
                    Field.text("phone", 40),
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

        public List<String> derivedAttributes() {
            return List.of("nameKey", "tenantCustomer", "emailKey");
        }

        public void deriveKeys(String tenant, String id, Map<String, AttributeValue> item) {
            String name = item.get("lastName").s() + " " + item.get("firstName").s();
            item.put("nameKey", AttributeValue.fromS(EntityType.nameKey(name, id)));
            item.put(
                    "tenantCustomer",
                    AttributeValue.fromS(tenant + "#" + item.get("customerId").s()));
            EntityType.searchKey(item, "email", id).ifPresent(key -> item.put("emailKey", key));
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
            return List.of(
                    Field.id("customerId").required(),
                    Field.text("name", 200).required(),
                    Field.money("amount").required(),
                    Field.id("stage").required(),
                    Field.date("expectedCloseDate").required(),
                    Field.id("ownerId").required());
        }

        @Override
        public List<String> immutableFields() {
            return List.of("customerId");
        }

        @Override
        public List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> alongside(
                com.zebros.crm.store.Store store,
                String tenant,
                Map<String, AttributeValue> before,
                Map<String, AttributeValue> after) {
            if (!after.isEmpty()) {
                after.put(PipelineTotals.COUNTED, AttributeValue.fromBool(true));
            }
            return PipelineTotals.change(store, tenant, before, after)
                    .map(List::of)
                    .orElse(List.of());
        }

        /** By customer, stage, owner, both, by currency, stage and currency, and the time updated: Listings.OPPORTUNITIES. */
        public void deriveKeys(String tenant, String id, Map<String, AttributeValue> item) {
            String stage = item.get("stage").s();
            String owner = item.get("ownerId").s();
            String currency = item.get("amount").m().get("currency").s();
            item.put(
                    "closeKey",
                    AttributeValue.fromS(
                            SortKeys.key(item.get("expectedCloseDate").s(), id)));
            item.put("amountKey", AttributeValue.fromS(SortKeys.key(SortKeys.amount(item.get("amount")), id)));
            item.put("tenantStage", AttributeValue.fromS(tenant + "#" + stage));
            item.put("tenantOwner", AttributeValue.fromS(tenant + "#" + owner));
            item.put("tenantOwnerStage", AttributeValue.fromS(tenant + "#" + owner + "#" + stage));
            item.put("tenantCurrency", AttributeValue.fromS(tenant + "#" + currency));
            item.put("tenantStageCurrency", AttributeValue.fromS(tenant + "#" + stage + "#" + currency));
            item.put(
                    "tenantCustomer",
                    AttributeValue.fromS(tenant + "#" + item.get("customerId").s()));
            item.put(
                    "updatedKey",
                    AttributeValue.fromS(
                            SortKeys.key(SortKeys.instant(item.get("updatedAt").s()), id)));
        }

        public List<String> derivedAttributes() {
            return List.of(
                    "closeKey",
                    "amountKey",
                    "tenantStage",
                    "tenantOwner",
                    "tenantOwnerStage",
                    "tenantCurrency",
                    "tenantStageCurrency",
                    "tenantCustomer",
                    "updatedKey");
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
            return List.of(
                    Field.id("customerId").required(),
                    Field.choice("type", ACTIVITY_TYPES).required(),
                    Field.text("subject", 200).required(),
                    Field.text("notes", 10000),
                    Field.id("contactId"),
                    Field.id("opportunityId"),
                    Field.instant("occurredAt"),
                    Field.instant("dueAt"),
                    Field.id("ownerId").required(),
                    Field.choice("status", TASK_STATUSES),
                    Field.id("assigneeId"));
        }

        @Override
        public List<String> immutableFields() {
            return List.of("customerId");
        }

        /** Also completes a task: one sent without a status is open (a PUT replaces the whole item, status included). */
        @Override
        public void check(Map<String, AttributeValue> item, List<com.zebros.crm.http.ApiException.FieldError> errors) {
            boolean task = "task".equals(item.get("type").s());
            if (!task) {
                for (String field : List.of("status", "assigneeId")) {
                    if (item.containsKey(field)) {
                        errors.add(
                                new com.zebros.crm.http.ApiException.FieldError(field, "only a task has a " + field));
                    }
                }
            } else {
                item.putIfAbsent("status", AttributeValue.fromS("open"));
            }
            if (!item.containsKey("occurredAt") && !item.containsKey("dueAt")) {
                errors.add(new com.zebros.crm.http.ApiException.FieldError(
                        "occurredAt", "an activity needs occurredAt (it happened) or dueAt (it is due)"));
            }
        }

        /**
         * An open task with an assignee is in the sparse {@code openTasks} index, keyed by assignee and due time: a
         * task done or cancelled has no such keys and leaves the index by the same write.
         */
        public void deriveKeys(String tenant, String id, Map<String, AttributeValue> item) {
            AttributeValue when = item.getOrDefault("occurredAt", item.get("dueAt"));
            item.put("occurredKey", AttributeValue.fromS(SortKeys.key(SortKeys.instant(when.s()), id)));
            item.put(
                    "tenantCustomer",
                    AttributeValue.fromS(tenant + "#" + item.get("customerId").s()));
            item.put(
                    "tenantOwner",
                    AttributeValue.fromS(tenant + "#" + item.get("ownerId").s()));
            if (item.containsKey("assigneeId")
                    && "open"
                            .equals(
                                    item.containsKey("status")
                                            ? item.get("status").s()
                                            : null)) {
                item.put(
                        "tenantAssignee",
                        AttributeValue.fromS(
                                tenant + "#" + item.get("assigneeId").s()));
                String due = item.containsKey("dueAt") ? item.get("dueAt").s() : NO_DUE_DATE;
                item.put("dueKey", AttributeValue.fromS(SortKeys.key(SortKeys.instant(due), id)));
            }
        }

        public List<String> derivedAttributes() {
            return List.of("occurredKey", "tenantCustomer", "tenantOwner", "tenantAssignee", "dueKey");
        }
    };
}
