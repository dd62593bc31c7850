package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * The entry point of every API function. It answers the health check Route 53 probes; every other
 * route answers 501 with a problem document until the CRM routes are served here.
 */
public final class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        String path = request.getPath() == null ? "" : request.getPath();
        String method = request.getHttpMethod() == null ? "" : request.getHttpMethod();
        if (path.equals("/v1/health")) {
            if (!method.equals("GET")) {
                return Responses.problem(405, "Method Not Allowed", "/v1/health answers GET only", Map.of("Allow", "GET"));
            }
            return Responses.json(200, Map.of("status", "ok", "phase", System.getenv().getOrDefault("STACK_PHASE", "?")));
        }
        return Responses.problem(501, "Not Implemented", method + " " + path + " is not served by this build", Map.of());
    }
}
