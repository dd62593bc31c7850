package com.zebros.crm.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {
    private final ApiHandler handler = new ApiHandler();

    private static APIGatewayProxyRequestEvent request(String method, String path) {
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path);
    }

    @Test
    void healthAnswersOkWithoutAuth() {
        var response = handler.handleRequest(request("GET", "/v1/health"), null);
        assertEquals(200, response.getStatusCode());
        assertTrue(response.getBody().contains("\"status\":\"ok\""), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void healthRefusesOtherMethodsWithAProblemDocument() {
        var response = handler.handleRequest(request("POST", "/v1/health"), null);
        assertEquals(405, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals("GET", response.getHeaders().get("Allow"));
    }

    @Test
    void routesNotYetServedAnswer501NotA500() {
        var response = handler.handleRequest(request("GET", "/v1/customers"), null);
        assertEquals(501, response.getStatusCode());
        assertTrue(response.getBody().contains("\"status\":501"));
    }

    @Test
    void theAuthorizerRefusesEveryTokenUntilVerificationExists() {
        var event = new APIGatewayCustomAuthorizerEvent();
        event.setMethodArn("arn:aws:execute-api:us-east-1:123456789012:abc/live/GET/v1/customers");
        var policy = new AuthorizerHandler().handleRequest(event, null);
        String statements = java.util.Arrays.toString((Object[]) policy.getPolicyDocument().get("Statement"));
        assertTrue(statements.contains("Effect=Deny"), statements);
        assertTrue(!statements.contains("Effect=Allow"), statements);
    }
}
