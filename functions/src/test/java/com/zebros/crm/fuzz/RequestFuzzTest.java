package com.zebros.crm.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.lambda.ApiHandler;
import com.zebros.crm.local.Api;
import com.zebros.crm.store.Table;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every route of the OpenAPI document, fed random and adversarial path parameters, query parameters,
 * headers and bodies through the Lambda entry point (API Gateway's proxy event), against the real
 * service on DynamoDB Local. Every answer must be 2xx or a 4xx problem document, and a request
 * answered 4xx must have written nothing. Seeded: {@code -Dfuzz.seed=<n>} replays a run, and a
 * failure prints its seed; {@code -Dfuzz.requests=<n>} sets the count (10,000 by default).
 */
class RequestFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);

    @Test
    void noInputAnswers5xxAndNoRefusedRequestWritesAnything() throws Exception {
        var routes = routes();
        var handler = new ApiHandler(Api.server().service());
        var seeded = SeededTenant.create("fuzz-seeded");
        var generator = new RequestGenerator(new Random(SEED), seeded);
        List<String> failures = new ArrayList<>();
        Set<String> refusedTenants = new HashSet<>();
        int[] statuses = new int[6];
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            String[] route = routes.get(generator.random().nextInt(routes.size()));
            APIGatewayProxyRequestEvent event = generator.event(route[0], route[1], "fuzz-" + i);
            APIGatewayProxyResponseEvent response;
            try {
                response = handler.handleRequest(event, null);
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(describe(event, "threw " + e));
                continue;
            }
            int status = response.getStatusCode();
            statuses[Math.min(5, status / 100)]++;
            String problem = check(status, response);
            if (problem != null) {
                failures.add(describe(event, problem));
            }
            String tenant = tenantOf(event);
            if (status >= 400 && tenant != null && !tenant.equals(seeded.tenant())) {
                refusedTenants.add(tenant);
            }
        }
        List<String> written = writtenBy(refusedTenants);
        assertTrue(
                failures.isEmpty() && written.isEmpty(),
                "seed " + SEED + ": " + failures.size() + " bad answers, first: " + failures
                        + "; items written by refused requests: " + written);
        assertEquals(REQUESTS, statuses[2] + statuses[4], "every answer 2xx or 4xx (seed " + SEED + ")");
        System.out.printf(
                "fuzz seed %d: %d requests, %d 2xx, %d 4xx, %d refused tenants checked for writes%n",
                SEED, REQUESTS, statuses[2], statuses[4], refusedTenants.size());
    }

    /** What is wrong with an answer, or null: 5xx, or a 4xx that is no problem document of its own status. */
    private static String check(int status, APIGatewayProxyResponseEvent response) {
        if (status >= 500 || status < 200) {
            return "answered " + status + ": " + shorten(response.getBody());
        }
        if (status >= 400) {
            String type =
                    response.getHeaders() == null ? null : response.getHeaders().get("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return status + " without a problem document type: " + type;
            }
            try {
                JsonObject body = JsonParser.parseString(response.getBody()).getAsJsonObject();
                if (body.get("status").getAsInt() != status || !body.has("title")) {
                    return status + " with a problem document of another status or no title: "
                            + shorten(response.getBody());
                }
            } catch (RuntimeException e) {
                return status + " with a body that is no JSON object: " + shorten(response.getBody());
            }
        }
        return null;
    }

    private static String tenantOf(APIGatewayProxyRequestEvent event) {
        var context = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getAuthorizer();
        return context == null ? null : (String) context.get("tenantId");
    }

    /** Items of any table whose tenant only ever got 4xx answers: each is a write a refused request made. */
    private static List<String> writtenBy(Set<String> tenants) {
        List<String> written = new ArrayList<>();
        var dynamo = Api.server().dynamo();
        for (Table table : Table.values()) {
            String name = dynamo.names().get(table);
            for (Map<String, AttributeValue> item :
                    dynamo.client().scanPaginator(b -> b.tableName(name)).items()) {
                AttributeValue tenant = item.get(Table.TENANT);
                if (tenant != null && tenants.contains(tenant.s())) {
                    written.add(table + " " + item);
                }
            }
        }
        return written;
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> routes() throws Exception {
        Map<String, Object> spec;
        try (InputStream in = RequestFuzzTest.class.getResourceAsStream("/openapi.yaml")) {
            spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Set<String> methods = Set.of("get", "post", "put", "delete", "patch");
        List<String[]> routes = new ArrayList<>();
        new TreeSet<>(((Map<String, Object>) spec.get("paths")).keySet())
                .forEach(path -> ((Map<String, Object>) ((Map<String, Object>) spec.get("paths")).get(path))
                        .keySet().stream()
                                .filter(methods::contains)
                                .sorted()
                                .forEach(m -> routes.add(new String[] {m.toUpperCase(), path})));
        return routes;
    }

    private static String describe(APIGatewayProxyRequestEvent event, String problem) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", event.getHttpMethod());
        request.put("path", shorten(event.getPath()));
        request.put("query", event.getQueryStringParameters());
        request.put("headers", event.getHeaders());
        request.put("body", shorten(event.getBody()));
        return problem + " for " + request;
    }

    private static String shorten(String text) {
        return text == null ? null : text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + ")" : text;
    }
}
