package com.zebros.platform.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Lambda functions of the CRM API, one per sizing group of the phase table. Each group is one
 * function; the API routes its paths to it.
 */
public enum FunctionGroup {
    CUSTOMERS(Kind.API, "com.zebros.crm.lambda.ApiHandler::handleRequest"),
    CONTACTS(Kind.API, "com.zebros.crm.lambda.ApiHandler::handleRequest"),
    OPPORTUNITIES(Kind.API, "com.zebros.crm.lambda.ApiHandler::handleRequest"),
    ACTIVITIES(Kind.API, "com.zebros.crm.lambda.ApiHandler::handleRequest"),
    /** Reports, imports and exports: starts workflows, hands out download links. */
    REPORTING(Kind.PROCESSING, "com.zebros.crm.lambda.ApiHandler::handleRequest"),
    ANALYTICS(Kind.PROCESSING, "com.zebros.crm.lambda.ApiHandler::handleRequest"),
    /** Turns opportunity stage changes on the table stream into SNS messages. */
    NOTIFICATION(Kind.EVENT, "com.zebros.crm.lambda.NotificationHandler::handleRequest"),
    /** Verifies Keycloak's JWTs for the REST API; sized like the API functions it guards. */
    AUTHORIZER(Kind.API, "com.zebros.crm.lambda.AuthorizerHandler::handleRequest"),
    /** Measures the stack's phase signals hourly (customers, opportunities, data volume): the seeds' coordination role. */
    SIGNALS(Kind.COORDINATION, "com.zebros.crm.lambda.PhaseSignalsHandler::handleRequest");

    /**
     * How the seeds size a function: API functions small, processing large, event handlers smallest, coordination
     * functions (work of the platform itself, not of a request) at the seeds' 256 MB.
     */
    public enum Kind { API, PROCESSING, EVENT, COORDINATION }

    private final Kind kind;
    private final String handler;

    FunctionGroup(Kind kind, String handler) {
        this.kind = kind;
        this.handler = handler;
    }

    public Kind kind() {
        return kind;
    }

    public String handler() {
        return handler;
    }

    /** The short lower-case name used in config keys, logical names and physical names. */
    public String id() {
        return name().toLowerCase();
    }

    public static Optional<FunctionGroup> parse(String id) {
        return Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst();
    }
}
