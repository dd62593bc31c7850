package com.zebros.crm.crm;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The claims that keep a type's unique field unique within a tenant. A claim is an item in the jobs table,
 * keyed by the field and a hash of its lower-cased value, naming the item that holds the value; it is put
 * on the condition that no other item holds it, in the same transaction as the item's write, so of two
 * racing creates of one e-mail exactly one succeeds (DynamoDB runs the two transactions' conditions on the
 * claim one after the other). The value is hashed because a key may not exceed 1,024 bytes and an e-mail
 * of 320 characters may be more (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html,
 * "Partition key and sort key length").
 */
public final class UniqueClaims {
    private static final String PREFIX = "#unique#";
    private static final String OWNER = "owner";

    private final Store store;
    private final EntityType type;
    private final String field;

    /** The claims of {@code type}'s unique field; empty when it has none. */
    public static Optional<UniqueClaims> of(Store store, EntityType type) {
        return type.uniqueField().map(field -> new UniqueClaims(store, type, field));
    }

    UniqueClaims(Store store, EntityType type, String field) {
        this.store = store;
        this.type = type;
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The writes that move the claim of item {@code id} from {@code before}'s value to {@code after}'s (none when equal). */
    public List<TransactWriteItem> change(
            String tenant, String id, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Optional<String> old = value(before);
        Optional<String> now = value(after);
        List<TransactWriteItem> writes = new ArrayList<>();
        if (Objects.equals(old, now)) {
            return writes;
        }
        Map<String, String> names = Map.of("#k", Table.JOBS.idAttribute(), "#o", OWNER);
        Map<String, AttributeValue> owner = Map.of(":o", AttributeValue.fromS(id));
        // An item's own claim, or none (an item written before claims existed): never another item's.
        String mine = "attribute_not_exists(#k) OR #o = :o";
        // The old value's claim is released only if it is this item's: an item written before claims existed may
        // share its value with the item that holds the claim, and must stay writable without taking that claim away.
        old.filter(value -> holder(tenant, value).filter(id::equals).isPresent())
                .ifPresent(value -> writes.add(TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(store.name(Table.JOBS))
                                .key(Store.key(Table.JOBS, tenant, key(value)))
                                .conditionExpression(mine)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(owner)
                                .build())
                        .build()));
        now.ifPresent(value -> writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(store.name(Table.JOBS))
                        .item(Map.of(
                                Table.TENANT,
                                AttributeValue.fromS(tenant),
                                Table.JOBS.idAttribute(),
                                AttributeValue.fromS(key(value)),
                                OWNER,
                                AttributeValue.fromS(id),
                                "entity",
                                AttributeValue.fromS(type.name()),
                                "field",
                                AttributeValue.fromS(field)))
                        .conditionExpression(mine)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(owner)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build()));
        return writes;
    }

    /** The id of the item that holds {@code value} now (a consistent read of its claim), if any. */
    public Optional<String> holder(String tenant, String value) {
        return store.get(Table.JOBS, tenant, key(normalized(value)))
                .map(claim -> claim.get(OWNER).s());
    }

    /** The holder a refused claim names (the item DynamoDB returned with the cancellation). */
    static Optional<String> holderOf(Map<String, AttributeValue> claim) {
        return Optional.ofNullable(claim.get(OWNER)).map(AttributeValue::s);
    }

    private Optional<String> value(Map<String, AttributeValue> item) {
        return Optional.ofNullable(item.get(field)).map(AttributeValue::s).map(UniqueClaims::normalized);
    }

    private static String normalized(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private String key(String normalizedValue) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalizedValue.getBytes(StandardCharsets.UTF_8));
            return PREFIX + type.name() + "." + field + "#" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
