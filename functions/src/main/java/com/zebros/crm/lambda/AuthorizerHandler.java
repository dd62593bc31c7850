package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.auth.TokenVerifier;
import com.zebros.crm.obs.MemoryUse;
import java.util.List;
import java.util.Map;

/**
 * The REST API's token authorizer. A valid Keycloak token gets an Allow for the whole stage (API
 * Gateway caches the answer per token, for every route) and a context carrying tenant, subject and
 * roles; a bad token is "Unauthorized", which API Gateway answers with 401; keys that cannot be
 * fetched are an error, which it answers with 503.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
    private final TokenVerifier verifier;

    /** Lambda's constructor: the realm's verifier, built during initialisation and primed before the snapshot. */
    public AuthorizerHandler() {
        this(Default.VERIFIER);
    }

    public AuthorizerHandler(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Built once per execution environment, when Lambda first constructs the handler. */
    private static final class Default {
        static final TokenVerifier VERIFIER =
                TokenVerifier.forIssuer(System.getenv("TOKEN_ISSUER"), System.getenv("TOKEN_AUDIENCE"));

        static {
            Priming.register("authorizer", AuthorizerPriming::prime, () -> {});
        }
    }

    private TokenVerifier verifier() {
        return verifier;
    }

    @Override
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        Principal principal;
        try {
            principal = verifier().verify(event.getAuthorizationToken());
        } catch (TokenVerifier.InvalidTokenException e) {
            // The exact word API Gateway turns into a 401.
            throw new RuntimeException("Unauthorized");
        } catch (TokenVerifier.KeysUnavailableException e) {
            // Any other error is the authorizer failing, which the REST API's gateway responses answer with 503 and
            // Retry-After (edge/GatewayResponses): the token may be good, the client should not log in again.
            throw new IllegalStateException("the issuer's keys are unavailable: " + e.getMessage());
        } finally {
            MemoryUse.LAMBDA.record(System.out);
        }
        return IamPolicyResponse.builder()
                .withPrincipalId(principal.subject())
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(IamPolicyResponse.allowStatement(stageWide(event.getMethodArn()))))
                        .build())
                .withContext(Map.of(
                        "tenantId",
                        principal.tenantId(),
                        "subject",
                        principal.subject(),
                        "roles",
                        String.join(",", principal.roles())))
                .build();
    }

    /** {@code arn:...:<api>/<stage>/GET/v1/x} → {@code arn:...:<api>/<stage>/*}: the cached answer covers every route. */
    static String stageWide(String methodArn) {
        String[] parts = methodArn.split("/");
        return parts[0] + "/" + parts[1] + "/*";
    }
}
