package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zebros.crm.faults.Timeouts;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.migrate.PipelineTotalsMigration;
import com.zebros.crm.obs.MemoryUse;
import com.zebros.crm.store.Store;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hourly migrations function (an EventBridge schedule invokes it): runs every data migration that is not
 * done from where its last run stopped, until it is done or the invocation's time is nearly spent (it keeps
 * {@link #MARGIN} for its last checkpoint). A migration already done costs one read. Today: the pipeline's
 * totals ({@link PipelineTotalsMigration}).
 */
public final class MigrationsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final PipelineTotalsMigration pipelineTotals;

    public MigrationsHandler() {
        this(fromEnvironment(System.getenv()));
    }

    public MigrationsHandler(PipelineTotalsMigration pipelineTotals) {
        this.pipelineTotals = pipelineTotals;
    }

    static PipelineTotalsMigration fromEnvironment(Map<String, String> env) {
        var builder = DynamoDbClient.builder().region(Region.of(env.getOrDefault("AWS_REGION", "us-east-1")))
                .httpClient(Timeouts.httpClient()).overrideConfiguration(Timeouts::apply);
        if (env.containsKey("DYNAMODB_ENDPOINT")) {
            builder.endpointOverride(URI.create(env.get("DYNAMODB_ENDPOINT")));
        }
        Store store = new Store(builder.build(), Store.namesFrom(env));
        return new PipelineTotalsMigration(store, new MigrationState(store));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        Duration budget = context == null ? Duration.ofMinutes(5)
                : Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis() - MARGIN.toMillis()));
        PipelineTotalsMigration.Run run = pipelineTotals.run(budget);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("migration", PipelineTotalsMigration.NAME);
        result.put("scanned", run.scanned());
        result.put("counted", run.counted());
        result.put("done", run.done());
        System.out.println(com.zebros.crm.http.Json.write(result));
        MemoryUse.LAMBDA.record(System.out);
        return result;
    }
}
