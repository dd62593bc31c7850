package com.zebros.platform.edge;

import com.pulumi.aws.apigateway.Response;
import com.pulumi.aws.apigateway.ResponseArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the REST API answers when its authorizer fails rather than refuses: the authorizer function
 * throws when the token issuer's keys cannot be fetched (the token may be good), and API Gateway's
 * default for that is a bare 500. These gateway responses make it a 503 problem document with
 * Retry-After, as the API answers its own dependencies' outages, so clients retry instead of
 * discarding a good token. Types and defaults:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 * (AUTHORIZER_FAILURE, AUTHORIZER_CONFIGURATION_ERROR: 500 unless customised). A gateway response takes
 * effect with the next deployment, so the deployment's trigger carries {@link #DEFINITION}.
 */
final class GatewayResponses {
    static final List<String> TYPES = List.of("AUTHORIZER_FAILURE", "AUTHORIZER_CONFIGURATION_ERROR");
    static final String STATUS = "503";
    static final String RETRY_AFTER_SECONDS = "5";
    static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"the token could not be checked right now; retry in " + RETRY_AFTER_SECONDS + " s\","
            + "\"instance\":\"$context.requestId\"}";
    /** What a deployment must be redone for when it changes. */
    static final String DEFINITION = String.join(",", TYPES) + "|" + STATUS + "|" + RETRY_AFTER_SECONDS + "|" + BODY;

    private GatewayResponses() {}

    static List<Response> create(String name, Output<String> restApiId, CustomResourceOptions options) {
        List<Response> responses = new ArrayList<>();
        for (String type : TYPES) {
            Map<String, String> headers = new LinkedHashMap<>();
            // Header values are mapping expressions: a literal is quoted.
            headers.put("gatewayresponse.header.Retry-After", "'" + RETRY_AFTER_SECONDS + "'");
            headers.put("gatewayresponse.header.Content-Type", "'application/problem+json'");
            responses.add(new Response(
                    name + "-" + type.toLowerCase().replace('_', '-'),
                    ResponseArgs.builder()
                            .restApiId(restApiId)
                            .responseType(type)
                            .statusCode(STATUS)
                            .responseParameters(headers)
                            .responseTemplates(Map.of("application/json", BODY))
                            .build(),
                    options));
        }
        return responses;
    }
}
