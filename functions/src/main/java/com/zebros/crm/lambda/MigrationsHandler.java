package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zebros.crm.migrate.ListKeysMigration;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.migrate.PipelineTotalsMigration;
import com.zebros.crm.migrate.UniqueClaimsMigration;
import com.zebros.crm.obs.CapacityBudget;
import com.zebros.crm.obs.MemoryUse;
import com.zebros.crm.store.Store;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hourly migrations function (an EventBridge schedule invokes it): runs every data migration that is not
 * done from where its last run stopped, one after the other, until each is done or the invocation's time is
 * nearly spent (it keeps {@link #MARGIN} for its last checkpoint). A migration already done costs one read.
 * Today: the pipeline's totals ({@link PipelineTotalsMigration}), the claims of old contacts' e-mails
 * ({@link UniqueClaimsMigration}) and the list indexes' keys of customers, opportunities and activities
 * ({@link ListKeysMigration}).
 *
 * <p>Every migration reads and writes within a capacity budget ({@link CapacityBudget}, the workers' own): at most
 * half of what each table is provisioned now, read again every minute, or a quarter of a new on-demand table's
 * throughput, each call's units paid by waiting; so a migration leaves the API the other half of a table's capacity.
 * What each table's reads and writes consumed, and the rate they were allowed, is in the run's log line.
 */
public final class MigrationsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final PipelineTotalsMigration pipelineTotals;
    private final UniqueClaimsMigration emailClaims;
    private final java.util.List<ListKeysMigration> listKeys;
    private final Optional<CapacityBudget> budget;

    public MigrationsHandler() {
        this(System.getenv(), CapacityBudget.Time.SYSTEM);
    }

    /** The function as Lambda builds it from {@code env}, its budget paced by {@code time}. */
    public MigrationsHandler(Map<String, String> env, CapacityBudget.Time time) {
        this(env, new CapacityBudget(rates(env), time));
    }

    private MigrationsHandler(Map<String, String> env, CapacityBudget budget) {
        this(
                new Store(BoundedClients.dynamo(env, java.util.List.of(budget)), Store.namesFrom(env)),
                Optional.of(budget));
    }

    /** Migrations on {@code store} as it is, without a budget of their own. */
    public MigrationsHandler(Store store) {
        this(store, Optional.empty());
    }

    private MigrationsHandler(Store store, Optional<CapacityBudget> budget) {
        this.budget = budget;
        this.pipelineTotals = new PipelineTotalsMigration(store, new MigrationState(store));
        this.emailClaims = new UniqueClaimsMigration(store, new MigrationState(store));
        this.listKeys = ListKeysMigration.TABLES.stream()
                .map(table -> new ListKeysMigration(store, new MigrationState(store), table))
                .toList();
    }

    /** Each table's rates from DescribeTable, on a client of its own (outside the budget it feeds). */
    private static java.util.function.Function<String, CapacityBudget.Rates> rates(Map<String, String> env) {
        DynamoDbClient describer = BoundedClients.dynamo(env);
        return table -> CapacityBudget.of(
                describer.describeTable(b -> b.tableName(table)).table(), Optional.empty());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        long deadline = System.nanoTime()
                + (context == null
                                ? Duration.ofMinutes(5)
                                : Duration.ofMillis(
                                        Math.max(0, context.getRemainingTimeInMillis() - MARGIN.toMillis())))
                        .toNanos();
        Map<String, Object> result = new LinkedHashMap<>();
        PipelineTotalsMigration.Run totals =
                pipelineTotals.run(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        result.put(
                PipelineTotalsMigration.NAME,
                Map.of("scanned", totals.scanned(), "counted", totals.counted(), "done", totals.done()));
        UniqueClaimsMigration.Run claims = emailClaims.run(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        result.put(
                UniqueClaimsMigration.NAME,
                Map.of(
                        "scanned",
                        claims.scanned(),
                        "claimed",
                        claims.claimed(),
                        "duplicates",
                        claims.duplicates(),
                        "done",
                        claims.done()));
        for (int i = 0; i < listKeys.size(); i++) {
            ListKeysMigration.Run keys =
                    listKeys.get(i).run(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            result.put(
                    ListKeysMigration.name(ListKeysMigration.TABLES.get(i)),
                    Map.of(
                            "scanned",
                            keys.scanned(),
                            "updated",
                            keys.updated(),
                            "skipped",
                            keys.skipped(),
                            "done",
                            keys.done()));
        }
        budget.ifPresent(b -> result.put(
                "capacity",
                b.usage().stream()
                        .map(u -> Map.of(
                                "table", u.table(),
                                "kind", u.kind(),
                                "units", u.units(),
                                "peakPerSecond", u.peakPerSecond(),
                                "budgetPerSecond", u.budgetPerSecond()))
                        .toList()));
        System.out.println(com.zebros.crm.http.Json.write(result));
        MemoryUse.LAMBDA.record(System.out);
        return result;
    }
}
