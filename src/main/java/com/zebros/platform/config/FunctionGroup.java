package com.zebros.platform.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Lambda functions of the CRM API, one per sizing group of the phase table. Each group is one
 * function; the API routes its paths to it.
 */
public enum FunctionGroup {
    CUSTOMERS(Kind.API, Handlers.API, memoryMb(128, 256, 512, 256), reserved(15, 30, 80, 80)),
    CONTACTS(Kind.API, Handlers.API, memoryMb(128, 256, 512, 256), reserved(10, 20, 60, 60)),
    OPPORTUNITIES(Kind.API, Handlers.API, memoryMb(128, 256, 512, 256), reserved(15, 30, 80, 80)),
    ACTIVITIES(Kind.API, Handlers.API, memoryMb(128, 256, 512, 256), reserved(15, 30, 80, 80)),
    /** Reports, imports and exports: starts workflows, hands out download links. */
    REPORTING(Kind.PROCESSING, Handlers.API, memoryMb(128, 256, 1024, 1024), reserved(10, 20, 40, 40)),
    ANALYTICS(Kind.PROCESSING, Handlers.API, memoryMb(128, 256, 1024, 3072), reserved(5, 10, 20, 20)),
    /** Turns opportunity stage changes on the table stream into SNS messages. */
    NOTIFICATION(Kind.EVENT, Handlers.NOTIFICATION, memoryMb(128, 256, 128, 128), reserved(5, 10, 20, 20)),
    /**
     * Webhooks: turns the history entries on the jobs table's stream into events on the delivery queue, and
     * delivers the queue's events to the tenants' endpoints. Its share comes from the notification function's,
     * which publishes only on stage changes, so every phase's total stays as it was.
     */
    WEBHOOKS(Kind.EVENT, Handlers.WEBHOOKS, memoryMb(128, 256, 256, 256), reserved(5, 10, 20, 20)),
    /** Verifies Keycloak's JWTs for the REST API; sized like the API functions it guards. */
    AUTHORIZER(Kind.API, Handlers.AUTHORIZER, memoryMb(128, 256, 512, 256), reserved(20, 40, 200, 200)),
    /**
     * Measures the stack's phase signals hourly (customers, opportunities, data volume): the seeds' coordination
     * role. One scheduled invocation an hour: one environment is all it ever needs, outside the seeds' budgets.
     */
    SIGNALS(Kind.COORDINATION, Handlers.SIGNALS, memoryMb(256, 256, 256, 256), reserved(1, 1, 1, 1)),
    /**
     * Runs the data migrations a version brings (the pipeline's totals), hourly, each from where its last run
     * stopped, until done; then one read an hour. One environment at a time, so two runs never race.
     */
    MIGRATIONS(Kind.COORDINATION, Handlers.MIGRATIONS, memoryMb(256, 256, 256, 256), reserved(1, 1, 1, 1));

    /**
     * How the seeds size a function: API functions small, processing large, event handlers smallest, coordination
     * functions (work of the platform itself, not of a request) at the seeds' 256 MB.
     */
    public enum Kind {
        API,
        PROCESSING,
        EVENT,
        COORDINATION
    }

    /** The handlers of {@code functions/}, by entry point. */
    private static final class Handlers {
        static final String API = "com.zebros.crm.lambda.ApiHandler::handleRequest";
        static final String NOTIFICATION = "com.zebros.crm.lambda.NotificationHandler::handleRequest";
        static final String WEBHOOKS = "com.zebros.crm.lambda.WebhooksHandler::handleRequest";
        static final String AUTHORIZER = "com.zebros.crm.lambda.AuthorizerHandler::handleRequest";
        static final String SIGNALS = "com.zebros.crm.lambda.PhaseSignalsHandler::handleRequest";
        static final String MIGRATIONS = "com.zebros.crm.lambda.MigrationsHandler::handleRequest";
    }

    private final Kind kind;
    private final String handler;
    private final int[] memoryMb;
    private final int[] reserved;

    FunctionGroup(Kind kind, String handler, int[] memoryMb, int[] reserved) {
        this.kind = kind;
        this.handler = handler;
        this.memoryMb = memoryMb;
        this.reserved = reserved;
    }

    /** Memory by phase, 0 to 3: the seeds' figures (README's phase table). */
    private static int[] memoryMb(int... byPhase) {
        return byPhase;
    }

    /**
     * Reserved concurrency by phase, 0 to 3. Phases 0 and 1 share one budget among all functions (the seeds' "100
     * concurrent executions", then 200); the split favours the authorizer, which every request passes, and the API.
     * Phase 2 reserves per function; the figures keep 400 of the default account limit of 1,000 unreserved, well
     * above the 100 AWS requires (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). In
     * phase 3 the API groups' provisioned concurrency replaces their reservation (PhaseDefaults).
     */
    private static int[] reserved(int... byPhase) {
        return byPhase;
    }

    public Kind kind() {
        return kind;
    }

    public String handler() {
        return handler;
    }

    /** The group's default memory at {@code phase}; {@code zebros:overrides} may change it per stack. */
    public int defaultMemoryMb(int phase) {
        return memoryMb[phase];
    }

    /** The group's default reserved concurrency at {@code phase}, where it is not provisioned. */
    public int defaultReservedConcurrency(int phase) {
        return reserved[phase];
    }

    /** The short lower-case name used in config keys, logical names and physical names. */
    public String id() {
        return name().toLowerCase();
    }

    public static Optional<FunctionGroup> parse(String id) {
        return Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst();
    }
}
