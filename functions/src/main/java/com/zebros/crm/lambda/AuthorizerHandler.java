package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.List;
import java.util.Map;

/**
 * The REST API's token authorizer. Until token verification against Keycloak's JWKS is built, it
 * refuses every token: a closed door is the only safe default for an authorizer.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {

    @Override
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        return IamPolicyResponse.builder()
                .withPrincipalId("anonymous")
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(IamPolicyResponse.denyStatement(event.getMethodArn())))
                        .build())
                .withContext(Map.of())
                .build();
    }
}
