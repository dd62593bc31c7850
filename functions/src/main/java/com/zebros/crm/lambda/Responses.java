package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON responses and RFC 9457 problem documents. */
final class Responses {
    private static final Gson GSON = new Gson();

    private Responses() {
    }

    static APIGatewayProxyResponseEvent json(int status, Object body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(GSON.toJson(body));
    }

    static APIGatewayProxyResponseEvent problem(int status, String title, String detail, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("Content-Type", "application/problem+json");
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(allHeaders).withBody(GSON.toJson(body));
    }
}
