package com.zebros.crm.obs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The DynamoDB capacity a worker (or the migrations function) may use, so a job never starves the API. A provisioned table (with its
 * indexes: what a call consumes, {@code ReturnConsumedCapacity: TOTAL}, counts them) gives a worker at most
 * {@link #SHARE} of its ceiling at the phase (auto-scaling's maximum, from the phase table through
 * {@code TABLE_CAPACITY_CEILING}), so the API keeps the other half at the top; and at most {@link #RAMP} of
 * what the table is provisioned right now, so a table idling at its minimum is taken above the 70 % target
 * its auto-scaling tracks and grows towards that ceiling instead of the job crawling at the minimum (the
 * capacity is read again every minute). Without a ceiling, half of what is provisioned now. An on-demand
 * table gives at most {@link #ON_DEMAND_READS} and {@link #ON_DEMAND_WRITES} units a second, a quarter of
 * what a new on-demand table serves at once
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html: 4,000
 * writes and 12,000 reads a second). Each call's consumed units are paid by waiting: no burst, so over any
 * stretch of time a worker consumes at most its rate times that time plus one call's units per thread.
 * Throttling is still possible (the API's own load, a table still scaling up); the SDK's retries and the
 * import's writer back off from it.
 */
public final class CapacityBudget implements CapacityUnits.Listener {
    public static final double SHARE = 0.5;
    public static final double RAMP = 0.9;
    public static final double ON_DEMAND_READS = 3_000;
    public static final double ON_DEMAND_WRITES = 1_000;
    public static final Duration REFRESH = Duration.ofMinutes(1);

    /** Units a second a worker may use of one table, reads and writes. */
    public record Rates(double reads, double writes) {}

    /** What a job consumed of one table: units in all, the most in any one second, and the rate it was allowed. */
    public record Usage(String table, String kind, double units, double peakPerSecond, double budgetPerSecond) {}

    /** The clock the budget paces by: the system's in a worker, a virtual one in a test. */
    public interface Time {
        long nanoTime();

        void sleep(long nanos);

        Time SYSTEM = new Time() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) {
                try {
                    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private final Function<String, Rates> describe;
    private final Time time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Rates> rates = new ConcurrentHashMap<>();
    private final Map<String, Long> describedAt = new ConcurrentHashMap<>();

    /** {@code describe} gives a table's rates (from DescribeTable in a worker). */
    public CapacityBudget(Function<String, Rates> describe, Time time) {
        this.describe = describe;
        this.time = time;
    }

    /** What a worker may use of a table DynamoDB describes so, whose ceiling at the phase is {@code ceiling}. */
    public static Rates of(TableDescription table, Optional<Double> ceiling) {
        boolean onDemand = table.billingModeSummary() != null
                && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
        if (onDemand
                || table.provisionedThroughput() == null
                || table.provisionedThroughput().readCapacityUnits() == 0) {
            return new Rates(ON_DEMAND_READS, ON_DEMAND_WRITES);
        }
        double reads = table.provisionedThroughput().readCapacityUnits();
        double writes = table.provisionedThroughput().writeCapacityUnits();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            if (index.provisionedThroughput() != null) {
                reads += index.provisionedThroughput().readCapacityUnits();
                writes += index.provisionedThroughput().writeCapacityUnits();
            }
        }
        if (ceiling.isEmpty()) {
            return new Rates(SHARE * reads, SHARE * writes);
        }
        return new Rates(Math.min(SHARE * ceiling.get(), RAMP * reads), Math.min(SHARE * ceiling.get(), RAMP * writes));
    }

    @Override
    public void consumed(CapacityUnits.Consumed consumed) {
        consumed.byTable().forEach(capacity -> pay(consumed.write() ? "writes" : "reads", capacity));
    }

    /** What the job consumed so far, table by table, reads before writes. */
    public List<Usage> usage() {
        List<Usage> usage = new ArrayList<>();
        new TreeMap<>(buckets).forEach((key, bucket) -> {
            String[] tableAndKind = key.split(" ", 2);
            usage.add(bucket.usage(tableAndKind[0], tableAndKind[1]));
        });
        return usage;
    }

    private void pay(String kind, ConsumedCapacity consumed) {
        if (consumed == null || consumed.tableName() == null || consumed.capacityUnits() == null) {
            return;
        }
        String table = consumed.tableName();
        Rates allowed = rates(table);
        double perSecond = kind.equals("reads") ? allowed.reads() : allowed.writes();
        long wait = buckets.computeIfAbsent(table + " " + kind, k -> new Bucket(time.nanoTime()))
                .pay(consumed.capacityUnits(), perSecond, time.nanoTime());
        if (wait > 0) {
            time.sleep(wait);
        }
    }

    private Rates rates(String table) {
        long now = time.nanoTime();
        Long at = describedAt.get(table);
        if (at == null || now - at > REFRESH.toNanos()) {
            rates.put(table, describe.apply(table));
            describedAt.put(table, now);
        }
        return rates.get(table);
    }

    /**
     * Pacing without burst: the bucket holds no saved units, so each call's units are paid by waiting
     * units / rate after the debt before it. Also counts what was paid, and the most in any one second.
     */
    public static final class Bucket {
        private double debt;
        private long updated;
        private double total;
        private double perSecond;
        private long window = Long.MIN_VALUE;
        private double inWindow;
        private double peak;

        public Bucket(long now) {
            this.updated = now;
        }

        /** Pays {@code units} at {@code rate} a second; how long the caller must wait (ns) for the debt to clear. */
        public synchronized long pay(double units, double rate, long now) {
            debt = Math.max(0, debt - (now - updated) / 1e9 * rate) + units;
            updated = now;
            perSecond = rate;
            total += units;
            // The units are consumed when DynamoDB answered, which is now: counted in this second.
            long second = Math.floorDiv(now, 1_000_000_000L);
            inWindow = second == window ? inWindow + units : units;
            window = second;
            peak = Math.max(peak, inWindow);
            // The call just made is paid for by waiting before the next one.
            return (long) (debt / rate * 1e9);
        }

        public synchronized Usage usage(String table, String kind) {
            return new Usage(table, kind, total, peak, perSecond);
        }
    }
}
