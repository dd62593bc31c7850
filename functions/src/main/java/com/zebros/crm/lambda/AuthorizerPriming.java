package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zebros.crm.auth.TokenVerifier;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The authorizer's priming: a token signed with a key made for the occasion and verified end to end
 * (parsing, RS256, claims, the IAM answer), so the snapshot holds every class a real verification
 * loads. The realm's own keys are fetched on the first real token and then cached for an hour.
 */
final class AuthorizerPriming {
    private static final String ISSUER = "https://snapstart.priming/realms/zebros";

    private AuthorizerPriming() {}

    static void prime() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("priming").generate();
            var verifier =
                    new TokenVerifier(ISSUER, "zebros-api", new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())));
            var claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .audience("zebros-api")
                    .subject("snapstart-priming")
                    .issueTime(new Date())
                    .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                    .claim(TokenVerifier.TENANT_CLAIM, "snapstart-priming")
                    .claim("realm_access", Map.of("roles", List.of("crm-user")))
                    .build();
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("priming").build(), claims);
            jwt.sign(new RSASSASigner(key));
            var event = new APIGatewayCustomAuthorizerEvent();
            event.setAuthorizationToken("Bearer " + jwt.serialize());
            event.setMethodArn("arn:aws:execute-api:us-east-1:000000000000:primed/v1/GET/v1/customers");
            new AuthorizerHandler(verifier).handleRequest(event, null);
            remoteKeys("Bearer " + jwt.serialize(), new JWKSet(key.toPublicJWK()).toString());
        } catch (JOSEException e) {
            throw new IllegalStateException("priming could not sign its token", e);
        }
    }

    /**
     * The first real token after a restore fetches the realm's keys over HTTP. That path (the HTTP
     * client, the key source's retrieval and its failure handling, JWKS parsing) is primed against a
     * loopback port nobody listens on: the connection is refused at once and nothing stays open.
     */
    private static void remoteKeys(String bearer, String jwksJson) {
        try {
            JWKSet.parse(jwksJson);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("priming could not parse its own key set", e);
        }
        try {
            TokenVerifier.forIssuer("http://127.0.0.1:" + closedPort() + "/realms/zebros", "zebros-api")
                    .verify(bearer);
        } catch (TokenVerifier.KeysUnavailableException e) {
            // expected: no keys could be fetched
        }
    }

    /** A loopback port that was free a moment ago. */
    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            return 9;
        }
    }
}
