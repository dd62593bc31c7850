package com.zebros.crm.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.auth.TokenVerifier;
import com.zebros.crm.local.Api;
import com.zebros.crm.local.DevTokenIssuer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda entry points: the authorizer's answer to API Gateway, and the proxy event through the API. */
class HandlersTest {
    private final DevTokenIssuer issuer = new DevTokenIssuer("https://auth.crm.zebros.example/realms/zebros");
    private final AuthorizerHandler authorizer =
            new AuthorizerHandler(new TokenVerifier(issuer.issuer(), DevTokenIssuer.AUDIENCE, issuer.keys()));

    private APIGatewayCustomAuthorizerEvent event(String token) {
        var event = new APIGatewayCustomAuthorizerEvent();
        event.setAuthorizationToken(token);
        event.setMethodArn("arn:aws:execute-api:us-east-1:123456789012:abc123/live/GET/v1/customers");
        return event;
    }

    @Test
    void aValidTokenIsAllowedOnTheWholeStageWithTheCallerInTheContext() {
        var policy = authorizer.handleRequest(
                event("Bearer " + issuer.token("acme", "alice", List.of(Principal.USER))), null);
        String statements =
                Arrays.deepToString((Object[]) policy.getPolicyDocument().get("Statement"));
        assertTrue(statements.contains("Effect=Allow"), statements);
        assertTrue(
                Arrays.deepToString(((Map<?, ?>)
                                        ((Object[]) policy.getPolicyDocument().get("Statement"))[0])
                                .values()
                                .toArray())
                        .contains("arn:aws:execute-api:us-east-1:123456789012:abc123/live/*"),
                "cached per token, the answer must cover every route: " + statements);
        assertEquals("acme", policy.getContext().get("tenantId"));
        assertEquals("alice", policy.getContext().get("subject"));
        assertEquals(Principal.USER, policy.getContext().get("roles"));
    }

    @Test
    void aTamperedOrForeignTokenIsUnauthorized() {
        String token = issuer.token("acme", "alice", List.of(Principal.ADMIN));
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        var e = assertThrows(RuntimeException.class, () -> authorizer.handleRequest(event("Bearer " + tampered), null));
        assertEquals("Unauthorized", e.getMessage(), "the exact word API Gateway turns into 401");
        String foreign = new DevTokenIssuer(issuer.issuer()).token("acme", "alice", List.of(Principal.ADMIN));
        assertThrows(RuntimeException.class, () -> authorizer.handleRequest(event("Bearer " + foreign), null));
        assertThrows(RuntimeException.class, () -> authorizer.handleRequest(event("Basic abc"), null));
        // A validly signed token whose tenant is no id (the job slots' reserved partition) is refused too.
        String reserved = issuer.token("#slots", "alice", List.of(Principal.ADMIN));
        var refused =
                assertThrows(RuntimeException.class, () -> authorizer.handleRequest(event("Bearer " + reserved), null));
        assertEquals("Unauthorized", refused.getMessage());
    }

    @Test
    void theProxyHandlerTakesTheCallerFromTheAuthorizerContext() {
        ApiHandler handler = new ApiHandler(Api.server().service());
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        Map<String, Object> authorizer =
                new HashMap<>(Map.of("tenantId", "lambda-tenant", "subject", "bob", "roles", Principal.ADMIN));
        context.setAuthorizer(authorizer);
        context.setRequestId("req-1");
        var created = handler.handleRequest(
                new APIGatewayProxyRequestEvent()
                        .withHttpMethod("POST")
                        .withPath("/v1/customers")
                        .withBody("{\"name\":\"Via Lambda\"}")
                        .withRequestContext(context),
                null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        var anonymous = handler.handleRequest(
                new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/v1/customers"), null);
        assertEquals(401, anonymous.getStatusCode());
        var health = handler.handleRequest(
                new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/v1/health"), null);
        assertEquals(200, health.getStatusCode());
    }
}
