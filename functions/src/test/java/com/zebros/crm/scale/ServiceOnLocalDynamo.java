package com.zebros.crm.scale;

import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.migrate.PipelineTotalsMigration;
import com.zebros.crm.store.Store;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB Local and the API's service over it, as the scale tests use them: calls as a tenant's admin,
 * straight into the service (its per-request log lines go nowhere while it runs).
 */
final class ServiceOnLocalDynamo implements AutoCloseable {
    private final PrintStream out = System.out;
    final LocalDynamo dynamo;
    final Store store;
    final Service service;

    ServiceOnLocalDynamo() {
        this(java.time.Clock.systemUTC());
    }

    /** The service on {@code clock}: a test that moves time. */
    ServiceOnLocalDynamo(java.time.Clock clock) {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        dynamo = new LocalDynamo();
        store = new Store(dynamo.client(), dynamo.names());
        service = Service.fromEnvironment(dynamo.environment(), clock);
    }

    /**
     * Runs the totals' and the list keys' migrations over what the tables hold: on empty tables, the pipeline reads its
     * one item and every listing is served from then on.
     */
    ServiceOnLocalDynamo migrated() {
        new PipelineTotalsMigration(store, new MigrationState(store)).run(Duration.ofMinutes(1));
        for (var table : com.zebros.crm.migrate.ListKeysMigration.TABLES) {
            new com.zebros.crm.migrate.ListKeysMigration(store, new MigrationState(store), table)
                    .run(Duration.ofMinutes(1));
        }
        return this;
    }

    /** Where the test itself prints. */
    PrintStream out() {
        return out;
    }

    /** A request of the tenant's admin; {@code headers} name, value, name, value... */
    Response call(
            String tenant, String method, String path, Map<String, String> query, String body, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return service.handle(new Request(
                method,
                path,
                Map.of(),
                query,
                map,
                body,
                new Principal(tenant, "u", Set.of(Principal.ADMIN)),
                "scale"));
    }

    @Override
    public void close() {
        System.setOut(out);
        dynamo.close();
    }
}
