package com.zebros.crm.bench;

import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * How DynamoDB Local's write throughput scales with concurrent writers, for single puts and for transactions of two
 * puts, every writer on items of its own (no two writes share an item, so DynamoDB itself would run them side by
 * side): whether a load whose every write is a transaction (as the API's are since the history) queues behind
 * DynamoDB Local's own serialization rather than ours. Run: {@code mvn -B -o -q exec:java
 * -Dexec.mainClass=com.zebros.crm.bench.LocalWriteThroughput -Dexec.classpathScope=test} (in functions/).
 */
public final class LocalWriteThroughput {
    private static final long MILLIS = 5_000;

    private LocalWriteThroughput() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (LocalDynamo dynamo = new LocalDynamo()) {
            Store store = new Store(dynamo.client(), dynamo.names());
            System.out.println("writers  puts/s  transactions/s (2 puts each)");
            for (int writers : List.of(1, 4, 16, 64)) {
                double puts = rate(
                        writers,
                        (writer, n) -> store.client()
                                .putItem(b ->
                                        b.tableName(store.name(Table.CUSTOMERS)).item(item(writer, n, "p"))));
                double transactions = rate(
                        writers,
                        (writer, n) -> store.transactWrite(List.of(
                                put(store, Table.CUSTOMERS, item(writer, n, "t")),
                                put(
                                        store,
                                        Table.JOBS,
                                        Map.of(
                                                Table.TENANT,
                                                AttributeValue.fromS("bench-" + writer),
                                                "jobId",
                                                AttributeValue.fromS("#history#" + n))))));
                System.out.printf("%7d %7.0f %7.0f%n", writers, puts, transactions);
            }
        }
        System.exit(0);
    }

    private interface Write {
        void run(int writer, long n);
    }

    private static Map<String, AttributeValue> item(int writer, long n, String kind) {
        Map<String, AttributeValue> item =
                new HashMap<>(Store.key(Table.CUSTOMERS, "bench-" + writer, "cus_" + kind + "_" + writer + "_" + n));
        item.put("name", AttributeValue.fromS("Bench " + n));
        item.put("nameKey", AttributeValue.fromS("bench " + n + "#" + writer));
        return item;
    }

    private static TransactWriteItem put(Store store, Table table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(store.name(table)).item(item).build())
                .build();
    }

    /** Writes a second per writer thread for {@link #MILLIS}; the writes a second, all writers together. */
    private static double rate(int writers, Write write) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.currentTimeMillis() + MILLIS;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(pool.submit(() -> {
                for (long n = 0; System.currentTimeMillis() < end; n++) {
                    write.run(writer, n);
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return done.get() * 1000.0 / MILLIS;
    }
}
