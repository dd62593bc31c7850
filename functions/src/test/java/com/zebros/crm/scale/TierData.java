package com.zebros.crm.scale;

import com.google.gson.JsonObject;
import com.zebros.crm.crm.Entities;
import com.zebros.crm.crm.EntityType;
import com.zebros.crm.crm.Items;
import com.zebros.crm.crm.PipelineTotals;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A tenant of a given size, written straight into DynamoDB Local in the API's own item shape (each body
 * validated and keyed by {@link Items}, as a create through the API would store it), seeded, with the
 * skew real CRMs have: customers' activities and opportunities follow a Zipf law (a few customers
 * with thousands of activities, most with a handful), owners' pipelines too (a few owners hold most of
 * the deals), stages weighted toward the early ones, one main currency. Opportunities are written
 * counted, with the tenant's pipeline totals item: the data as it stands after the totals migration.
 */
public final class TierData {
    /** A tenant's size: the seeds' tier bands, and ten times the top one. */
    public record Size(String name, int customers, int contacts, int opportunities, int activities, int owners) {
        public long items() {
            return (long) customers + contacts + opportunities + activities;
        }
    }

    /** The seeds' tiers (zebros-crm-scaling-strategy.md, "CRM Usage Tiers"): at each band's top, and 10x tier 3. */
    public static final List<Size> SIZES = List.of(
            new Size("tier 1", 1_000, 3_000, 100, 10_000, 25),
            new Size("tier 2", 10_000, 30_000, 1_000, 100_000, 100),
            new Size("tier 3", 20_000, 60_000, 2_000, 200_000, 250),
            new Size("10x tier 3", 100_000, 300_000, 20_000, 1_000_000, 500));

    private static final List<String> STAGES =
            List.of("prospecting", "qualification", "proposal", "negotiation", "closed-won", "closed-lost");
    private static final double[] STAGE_WEIGHTS = {0.30, 0.22, 0.16, 0.10, 0.12, 0.10};
    private static final List<String> INDUSTRIES =
            List.of("software", "retail", "manufacturing", "health", "finance", "logistics", "education", "energy");
    private static final List<String> TYPES = List.of("call", "email", "meeting", "task", "note");

    /** What the benchmark needs to ask about: ids of customers (the busiest first), owners, name prefixes. */
    public record Tenant(
            String id,
            Size size,
            List<String> customers,
            List<String> busiestCustomers,
            List<String> owners,
            List<String> opportunities,
            List<String> contacts) {}

    private final DynamoDbClient dynamo;
    private final Map<Table, String> names;

    public TierData(DynamoDbClient dynamo, Map<Table, String> names) {
        this.dynamo = dynamo;
        this.names = names;
    }

    public Tenant write(String tenant, Size size, long seed) {
        Random random = new Random(seed);
        String now = Instant.parse("2026-11-01T00:00:00Z").toString();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < size.owners(); i++) {
            owners.add("usr_" + String.format("%06d", i));
        }
        Zipf byCustomer = new Zipf(size.customers(), 1.1);
        Zipf byOwner = new Zipf(size.owners(), 1.0);
        try (Writer writer = new Writer()) {
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < size.customers(); i++) {
                JsonObject body = new JsonObject();
                body.addProperty("name", company(random, i));
                body.addProperty("email", "info" + i + "@example.com");
                body.addProperty("industry", INDUSTRIES.get(random.nextInt(INDUSTRIES.size())));
                body.addProperty("ownerId", owners.get(byOwner.sample(random)));
                String id = id("cus", random);
                customers.add(id);
                writer.put(Table.CUSTOMERS, item(Entities.CUSTOMER, tenant, id, body, now));
            }
            List<String> contacts = new ArrayList<>();
            for (int i = 0; i < size.contacts(); i++) {
                JsonObject body = new JsonObject();
                body.addProperty("customerId", customers.get(byCustomer.sample(random)));
                body.addProperty("firstName", "First" + random.nextInt(5000));
                body.addProperty("lastName", "Last" + random.nextInt(20000));
                body.addProperty("email", "person" + i + "@example.com");
                String id = id("con", random);
                contacts.add(id);
                writer.put(Table.CONTACTS, item(Entities.CONTACT, tenant, id, body, now));
            }
            Map<String, Map<String, PipelineTotals.Total>> totals = new TreeMap<>();
            List<String> opportunities = new ArrayList<>();
            for (int i = 0; i < size.opportunities(); i++) {
                String stage = STAGES.get(weighted(random, STAGE_WEIGHTS));
                String currency = random.nextInt(10) < 8 ? "EUR" : random.nextBoolean() ? "USD" : "GBP";
                String amount = (500 + random.nextInt(200_000)) + "." + String.format("%02d", random.nextInt(100));
                JsonObject money = new JsonObject();
                money.addProperty("value", amount);
                money.addProperty("currency", currency);
                JsonObject body = new JsonObject();
                body.addProperty("customerId", customers.get(byCustomer.sample(random)));
                body.addProperty("name", "Deal " + i);
                body.add("amount", money);
                body.addProperty("stage", stage);
                body.addProperty(
                        "expectedCloseDate",
                        LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730)).toString());
                body.addProperty("ownerId", owners.get(byOwner.sample(random)));
                String id = id("opp", random);
                opportunities.add(id);
                Map<String, AttributeValue> item = item(Entities.OPPORTUNITY, tenant, id, body, now);
                item.put(PipelineTotals.COUNTED, AttributeValue.fromBool(true));
                writer.put(Table.OPPORTUNITIES, item);
                totals.computeIfAbsent(stage, s -> new TreeMap<>())
                        .merge(
                                currency,
                                new PipelineTotals.Total(1, new BigDecimal(amount)),
                                (a, b) -> new PipelineTotals.Total(
                                        a.count() + b.count(), a.amount().add(b.amount())));
            }
            for (int i = 0; i < size.activities(); i++) {
                JsonObject body = new JsonObject();
                body.addProperty("customerId", customers.get(byCustomer.sample(random)));
                String type = TYPES.get(random.nextInt(TYPES.size()));
                body.addProperty("type", type);
                body.addProperty("subject", "Follow-up " + i);
                body.addProperty("notes", "Discussed the renewal and next steps; sent the proposal draft.");
                Instant when = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(60_000_000));
                body.addProperty("occurredAt", when.toString());
                String owner = owners.get(byOwner.sample(random));
                body.addProperty("ownerId", owner);
                if (type.equals("task")) {
                    // Every task is its owner's, due a week on, open (a user's open tasks are a fifth of their
                    // activities).
                    body.addProperty("assigneeId", owner);
                    body.addProperty("dueAt", when.plusSeconds(7 * 86400).toString());
                }
                writer.put(Table.ACTIVITIES, item(Entities.ACTIVITY, tenant, id("act", random), body, now));
            }
            writer.put(Table.JOBS, totalsItem(tenant, totals));
            writer.flush();
            List<String> busiest = new ArrayList<>();
            for (int rank = 0; rank < Math.min(5, customers.size()); rank++) {
                busiest.add(customers.get(rank));
            }
            return new Tenant(tenant, size, customers, busiest, owners, opportunities, contacts);
        }
    }

    private static Map<String, AttributeValue> item(
            EntityType type, String tenant, String id, JsonObject body, String now) {
        Map<String, AttributeValue> item = Items.created(type, tenant, id, Items.validate(type, body, Map.of()), now);
        item.put(Store.VERSION, AttributeValue.fromN("1"));
        return item;
    }

    private static Map<String, AttributeValue> totalsItem(
            String tenant, Map<String, Map<String, PipelineTotals.Total>> totals) {
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.JOBS, tenant, PipelineTotals.ITEM_ID));
        totals.forEach((stage, byCurrency) -> byCurrency.forEach((currency, total) -> {
            item.put("n:" + stage + ":" + currency, AttributeValue.fromN(String.valueOf(total.count())));
            item.put(
                    "a:" + stage + ":" + currency,
                    AttributeValue.fromN(total.amount().toPlainString()));
        }));
        return item;
    }

    private static String company(Random random, int i) {
        String[] first = {
            "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne"
        };
        String[] last = {"Holdings", "Systems", "Group", "Labs", "Partners", "Industries", "Solutions", "Trading"};
        return first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)] + " " + i;
    }

    private static String id(String prefix, Random random) {
        return prefix + "_" + String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    private static int weighted(Random random, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(Random random) {
            int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, at < 0 ? -at - 1 : at);
        }
    }

    /** Batches of 25 (BatchWriteItem's limit), four in flight, unprocessed items written again. */
    private final class Writer implements AutoCloseable {
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final List<Future<?>> pending = new ArrayList<>();
        private final Map<Table, List<WriteRequest>> batches = new HashMap<>();

        void put(Table table, Map<String, AttributeValue> item) {
            List<WriteRequest> batch = batches.computeIfAbsent(table, t -> new ArrayList<>());
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
            if (batch.size() == 25) {
                send(table, List.copyOf(batch));
                batch.clear();
            }
        }

        private void send(Table table, List<WriteRequest> batch) {
            if (pending.size() > 64) {
                drain();
            }
            pending.add(pool.submit(() -> {
                Map<String, List<WriteRequest>> request = Map.of(names.get(table), batch);
                while (!request.isEmpty()) {
                    var current = request;
                    request =
                            dynamo.batchWriteItem(b -> b.requestItems(current)).unprocessedItems();
                }
            }));
        }

        private void drain() {
            for (Future<?> future : pending) {
                try {
                    future.get();
                } catch (Exception e) {
                    throw new IllegalStateException("writing the tier data failed", e);
                }
            }
            pending.clear();
        }

        void flush() {
            batches.forEach((table, batch) -> {
                if (!batch.isEmpty()) {
                    send(table, List.copyOf(batch));
                }
            });
            batches.clear();
            drain();
        }

        @Override
        public void close() {
            pool.shutdown();
        }
    }
}
