package com.zebros.crm.crm;

import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.migrate.PipelineTotalsMigration;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The pipeline's totals, count and amount per stage and currency, kept on one item per tenant (in the
 * jobs table, key {@code #pipeline}, beside the tenant's other operational items) and changed in the
 * same transaction as every opportunity write: the pipeline and the win rate read one item, however
 * many opportunities the tenant has. Kept in the write's transaction rather than from the stream,
 * because a transaction is exact with no consumer to make idempotent, and the cost is one more item
 * in a transaction the write makes anyway (two write units).
 *
 * <p>An opportunity written this way carries {@link #COUNTED}: it is in the totals. Opportunities
 * written before the totals existed are not, until the migration ({@code PipelineTotalsMigration})
 * counts each one; until it has gone through the whole table, the pipeline is read the old way.
 * Counts and amounts are DynamoDB numbers, which are exact decimals (38 digits:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number).
 */
public final class PipelineTotals {
    /** The totals' item in the jobs table. */
    public static final String ITEM_ID = "#pipeline";
    /** On an opportunity: it is counted in its tenant's totals. */
    public static final String COUNTED = "counted";

    private PipelineTotals() {}

    /** One bucket of the totals: a stage and a currency. */
    record Bucket(String stage, String currency) {
        String count() {
            return "n:" + stage + ":" + currency;
        }

        String amount() {
            return "a:" + stage + ":" + currency;
        }
    }

    /** Count and amount of one bucket. */
    public record Total(long count, BigDecimal amount) {}

    /**
     * The change of the tenant's totals that moves {@code before} (an opportunity as stored, counted or not;
     * empty for a new one) to {@code after} (as it will be stored; empty when deleted), or nothing when the
     * totals stay as they are.
     */
    public static Optional<TransactWriteItem> change(
            Store store, String tenant, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Map<Bucket, Long> counts = new HashMap<>();
        Map<Bucket, BigDecimal> amounts = new HashMap<>();
        if (!before.isEmpty() && before.containsKey(COUNTED)) {
            counts.merge(bucket(before), -1L, Long::sum);
            amounts.merge(bucket(before), amount(before).negate(), BigDecimal::add);
        }
        if (!after.isEmpty()) {
            counts.merge(bucket(after), 1L, Long::sum);
            amounts.merge(bucket(after), amount(after), BigDecimal::add);
        }
        List<String> adds = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        int i = 0;
        for (Bucket bucket : counts.keySet()) {
            long count = counts.get(bucket);
            BigDecimal amount = amounts.get(bucket);
            if (count == 0 && amount.signum() == 0) {
                continue;
            }
            names.put("#n" + i, bucket.count());
            names.put("#a" + i, bucket.amount());
            values.put(":n" + i, AttributeValue.fromN(String.valueOf(count)));
            values.put(":a" + i, AttributeValue.fromN(amount.toPlainString()));
            adds.add("#n" + i + " :n" + i + ", #a" + i + " :a" + i);
            i++;
        }
        if (adds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(store.name(Table.JOBS))
                        .key(Store.key(Table.JOBS, tenant, ITEM_ID))
                        .updateExpression("ADD " + String.join(", ", adds))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build());
    }

    /**
     * The tenant's totals by stage and currency (buckets with no opportunity left out), read as one item; empty
     * while the migration has not yet counted every opportunity written before the totals existed.
     */
    public static Optional<Map<String, Map<String, Total>>> read(
            Store store, MigrationState migrations, String tenant) {
        if (!migrations.isDone(PipelineTotalsMigration.NAME)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item =
                store.get(Table.JOBS, tenant, ITEM_ID).orElse(Map.of());
        Map<String, Map<String, Total>> totals = new TreeMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith("n:")) {
                String[] parts = name.split(":", 3);
                long count = Long.parseLong(value.n());
                if (count > 0) {
                    AttributeValue amount = item.get("a:" + parts[1] + ":" + parts[2]);
                    totals.computeIfAbsent(parts[1], s -> new TreeMap<>())
                            .put(
                                    parts[2],
                                    new Total(count, amount == null ? BigDecimal.ZERO : new BigDecimal(amount.n())));
                }
            }
        });
        return Optional.of(totals);
    }

    private static Bucket bucket(Map<String, AttributeValue> opportunity) {
        return new Bucket(
                opportunity.get("stage").s(),
                opportunity.get("amount").m().get("currency").s());
    }

    private static BigDecimal amount(Map<String, AttributeValue> opportunity) {
        return new BigDecimal(opportunity.get("amount").m().get("value").n());
    }
}
