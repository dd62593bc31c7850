package com.zebros.crm.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.zebros.crm.lambda.ApiHandler;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * One cold start, in a fresh JVM on the deployment jar: build the handler from the environment (as
 * Lambda's init does) and answer one authorized request; print how long after JVM start that was.
 */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) {
        var handler = new ApiHandler();
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        Map<String, Object> authorizer =
                new HashMap<>(Map.of("tenantId", "bench", "subject", "cold", "roles", "crm-admin"));
        context.setAuthorizer(authorizer);
        context.setRequestId("cold-start");
        var response = handler.handleRequest(
                new APIGatewayProxyRequestEvent()
                        .withHttpMethod("GET")
                        .withPath("/v1/customers")
                        .withRequestContext(context),
                null);
        long initMs = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("COLD-START status=" + response.getStatusCode() + " initMs=" + initMs);
    }
}
