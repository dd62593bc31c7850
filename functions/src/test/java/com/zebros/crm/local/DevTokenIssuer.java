package com.zebros.crm.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A development token issuer shaped like the Keycloak realm: RS256 tokens with the realm's issuer,
 * the API audience, {@code tenant_id} and {@code realm_access.roles}, and a JWKS to verify them.
 */
public final class DevTokenIssuer {
    public static final String AUDIENCE = "zebros-api";

    private final String issuer;
    private final RSAKey key;

    public DevTokenIssuer(String issuer) {
        this.issuer = issuer;
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String token(String tenant, String subject, List<String> roles) {
        return token(tenant, subject, roles, Duration.ofHours(1), AUDIENCE);
    }

    public String token(String tenant, String subject, List<String> roles, Duration lifetime, String audience) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("tenant_id", tenant)
                .claim("realm_access", Map.of("roles", roles))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
    }
}
