package com.zebros.crm.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies Keycloak's access tokens: RS256 signature by a key of the realm's JWKS (fetched once and
 * cached, refreshed when an unknown key id appears), the exact issuer, the API audience, expiry, and a
 * tenant claim. What it returns is all the API trusts about the caller.
 */
public final class TokenVerifier {
    public static final String TENANT_CLAIM = "tenant_id";
    private static final java.util.regex.Pattern TENANT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final DefaultJWTProcessor<SecurityContext> processor;

    public TokenVerifier(String issuer, String audience, JWKSource<SecurityContext> keys) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp", "iat", TENANT_CLAIM)));
    }

    /** How long fetched keys are used before they are fetched again. */
    public static final long KEYS_CACHED_MILLIS = 60 * 60 * 1000L;
    /** How long keys fetched once keep verifying while the issuer's key endpoint is down. */
    public static final long KEYS_OUTAGE_TOLERANCE_MILLIS = 12 * 60 * 60 * 1000L;
    /** At most one fetch per this interval: a flood of tokens with unknown key ids cannot flood Keycloak. */
    public static final long KEYS_FETCH_INTERVAL_MILLIS = 5 * 1000L;
    /** Connecting to and reading the key endpoint (nimbus's own default, said here). */
    public static final int KEYS_TIMEOUT_MILLIS = 500;

    /**
     * The realm's keys at {@code <issuer>/protocol/openid-connect/certs}: cached for an hour, still used
     * for 12 hours of an outage of the endpoint, fetched at most every 5 s, each fetch bounded to 500 ms
     * and retried once.
     */
    public static TokenVerifier forIssuer(String issuer, String audience) {
        return forIssuer(issuer, audience, KEYS_CACHED_MILLIS);
    }

    /** {@link #forIssuer(String, String)} with keys cached {@code cachedMillis}: the fault suite outlives a short cache. */
    public static TokenVerifier forIssuer(String issuer, String audience, long cachedMillis) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                            URI.create(issuer + "/protocol/openid-connect/certs")
                                    .toURL(),
                            new com.nimbusds.jose.util.DefaultResourceRetriever(
                                    KEYS_TIMEOUT_MILLIS, KEYS_TIMEOUT_MILLIS, 512 * 1024))
                    .cache(cachedMillis, 15 * 1000L)
                    // Refresh-ahead (30 s before expiry, with the 15 s refresh timeout) needs a cache of 45 s or more.
                    .refreshAheadCache(cachedMillis >= 60 * 1000L)
                    .rateLimited(KEYS_FETCH_INTERVAL_MILLIS)
                    .outageTolerant(KEYS_OUTAGE_TOLERANCE_MILLIS)
                    .retrying(true)
                    .build();
            return new TokenVerifier(issuer, audience, keys);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the issuer " + issuer + " is not a URL", e);
        }
    }

    /** The caller, or an {@link InvalidTokenException} saying what is wrong with the token. */
    public Principal verify(String bearer) {
        if (bearer == null || !bearer.startsWith("Bearer ")) {
            throw new InvalidTokenException("expected 'Authorization: Bearer <token>'");
        }
        try {
            JWTClaimsSet claims =
                    processor.process(bearer.substring("Bearer ".length()).trim(), null);
            String tenant = claims.getStringClaim(TENANT_CLAIM);
            if (tenant == null || tenant.isBlank()) {
                throw new InvalidTokenException("the token carries no tenant");
            }
            // A tenant id is a key prefix of every item; partitions of other shapes (the job slots' "#slots")
            // are the platform's own and must never be a caller's.
            if (!TENANT_ID.matcher(tenant).matches()) {
                throw new InvalidTokenException(
                        "the token's tenant is not an id (letters, digits, '_' and '-', 1 to 64)");
            }
            return new Principal(tenant, claims.getSubject(), roles(claims));
        } catch (InvalidTokenException e) {
            throw e;
        } catch (com.nimbusds.jose.KeySourceException e) {
            // The token may be perfectly good: the keys to check it could not be had. Not a 401, which tells a
            // client to drop its token and log in again.
            throw new KeysUnavailableException(e.getMessage());
        } catch (Exception e) {
            throw new InvalidTokenException(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> roles(JWTClaimsSet claims) throws java.text.ParseException {
        Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
        Set<String> roles = new HashSet<>();
        if (realmAccess != null && realmAccess.get("roles") instanceof List<?> list) {
            list.forEach(r -> roles.add(String.valueOf(r)));
        }
        return roles;
    }

    /** The issuer's keys could not be fetched (and none are cached): the caller should retry, not log in again. */
    public static final class KeysUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public KeysUnavailableException(String message) {
            super(message);
        }
    }

    /** A token that must not pass: the message says why, for logs, never for the client. */
    public static final class InvalidTokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidTokenException(String message) {
            super(message);
        }
    }
}
