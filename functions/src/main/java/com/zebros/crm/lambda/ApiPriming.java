package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The API functions' priming: the paths of real requests, each reaching as far as it can without
 * writing. First through the router: JSON parsing, routing, role checks, field validation, problem
 * documents, and the DynamoDB client's marshalling and signing up to the wire ({@link PrimingGuard}).
 * Then, for real, reads of a tenant that owns nothing (the HTTP client and unmarshalling), a read of one
 * customer answered with an item built in memory ({@link PrimingGuard#findingItem}), and health checks,
 * both through the whole handler, which log and count as requests of {@code snapstart-priming}. SnapStartPrimingTest holds it to writing nothing.
 */
public final class ApiPriming {
    private static final Principal PRIMER =
            new Principal("snapstart-priming", "snapstart-priming", Set.of(Principal.ADMIN));

    private ApiPriming() {}

    public static Priming register(Service service) {
        // After a restore nothing needs re-creating: ids come from SecureRandom, which on Linux draws on
        // the kernel's pool for every call (NativePRNG:
        // https://docs.oracle.com/en/java/javase/17/security/oracle-providers.html),
        // the clock is read per request, and a connection the real reads left open is one the SDK
        // re-opens when it fails (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-best-practices.html).
        return Priming.register("api", () -> prime(service), () -> {});
    }

    /** The priming requests; each may end in a refusal or a call stopped before the wire. */
    public static void prime(Service service) {
        String customer = "cus_" + "0".repeat(26);
        List<Request> requests = List.of(
                request("POST", "/v1/customers", Map.of(), "{\"name\":\"\",\"email\":\"not-an-email\"}"),
                request(
                        "POST",
                        "/v1/opportunities",
                        Map.of(),
                        "{\"customerId\":\"" + customer + "\",\"name\":\"n\","
                                + "\"amount\":{\"value\":\"x\",\"currency\":\"EUR\"},\"stage\":\"won\"}"),
                request("GET", "/v1/customers/" + customer, Map.of(), null),
                request("GET", "/v1/customers", Map.of("q", "prim", "limit", "5"), null),
                request("GET", "/v1/opportunities", Map.of("stage", "proposal"), null),
                request("GET", "/v1/pipeline", Map.of(), null),
                request("GET", "/v1/customers/" + customer + "/timeline", Map.of(), null),
                request("PUT", "/v1/customers/" + customer, Map.of(), "{\"name\":\"Primed\"}"),
                request("GET", "/v1/no-such-route", Map.of(), null));
        for (Request request : requests) {
            try {
                service.api().router().dispatch(request);
            } catch (ApiException e) {
                Response.problem(e);
            } catch (RuntimeException e) {
                // a call the guard stopped before the wire, or its SDK wrapping
            }
        }
        var item = customerItem(customer);
        PrimingGuard.outside(() -> {
            for (int i = 0; i < Priming.ROUNDS; i++) {
                realReads(service, customer);
                health(service);
                PrimingGuard.findingItem(item, () -> foundRead(service, customer));
            }
        });
    }

    /** A customer as the table would hold it (validation and the stored shape), built in memory only. */
    private static Map<String, AttributeValue> customerItem(String customer) {
        var customerBody = com.zebros.crm.http.Json.object("{\"name\":\"Primed\",\"email\":\"primed@example.com\"}");
        var fields = com.zebros.crm.crm.Items.validate(com.zebros.crm.crm.Entities.CUSTOMER, customerBody, Map.of());
        var item = new java.util.HashMap<>(com.zebros.crm.crm.Items.created(
                com.zebros.crm.crm.Entities.CUSTOMER, PRIMER.tenantId(), customer, fields, "2026-01-01T00:00:00Z"));
        item.put(com.zebros.crm.store.Store.VERSION, AttributeValue.fromN("1"));
        return Map.copyOf(item);
    }

    /**
     * A read of one customer through the whole handler, as the authorizer's context delivers the caller,
     * answered with the in-memory item: the found path (unmarshalled item, view, ETag, JSON) for real.
     */
    private static void foundRead(Service service, String customer) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId("snapstart-priming");
        context.setAuthorizer(new java.util.HashMap<>(
                Map.of("tenantId", PRIMER.tenantId(), "subject", PRIMER.subject(), "roles", Principal.ADMIN)));
        try {
            new ApiHandler(service)
                    .handleRequest(
                            new APIGatewayProxyRequestEvent()
                                    .withHttpMethod("GET")
                                    .withPath("/v1/customers/" + customer)
                                    .withRequestContext(context),
                            null);
        } catch (RuntimeException e) {
            // DynamoDB unreachable during init
        }
    }

    /** Reads of a tenant that owns nothing: the HTTP client, response unmarshalling and the 200 and 404 answers, for real. */
    private static void realReads(Service service, String customer) {
        for (Request read : List.of(
                request("GET", "/v1/customers/" + customer, Map.of(), null),
                request("GET", "/v1/customers", Map.of("limit", "1"), null),
                request("GET", "/v1/opportunities", Map.of("stage", "proposal"), null))) {
            try {
                service.api().router().dispatch(read).body();
            } catch (ApiException e) {
                Response.problem(e);
            } catch (RuntimeException e) {
                // DynamoDB unreachable during init: the snapshot is still primed up to the wire
            }
        }
    }

    /** A whole request through the handler as Lambda delivers it, logging and metrics included: the public health check, a read. */
    private static void health(Service service) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId("snapstart-priming");
        try {
            new ApiHandler(service)
                    .handleRequest(
                            new APIGatewayProxyRequestEvent()
                                    .withHttpMethod("GET")
                                    .withPath("/v1/health")
                                    .withBody("e30=")
                                    .withIsBase64Encoded(true)
                                    .withRequestContext(context),
                            null);
        } catch (RuntimeException e) {
            // DynamoDB unreachable during init
        }
    }

    private static Request request(String method, String path, Map<String, String> query, String body) {
        return new Request(
                method,
                path,
                Map.of(),
                query,
                Map.of("Content-Type", "application/json", "If-Match", "\"1\""),
                body,
                PRIMER,
                "snapstart-priming");
    }
}
