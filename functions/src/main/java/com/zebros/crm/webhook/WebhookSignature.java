package com.zebros.crm.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature every delivery carries, in the header {@link #HEADER}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256
 * of "<t>.<body>" under the webhook's secret>}. Signing the time with the body lets a receiver refuse a delivery
 * replayed later ({@link #verify} with a tolerance, five minutes by default) and one whose body was changed; the
 * event id header lets it drop the retry of a delivery it already took.
 */
public final class WebhookSignature {
    public static final String HEADER = "Zebros-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** The header value for {@code body} sent at {@code at}. */
    public static String sign(String secret, String body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
    }

    /**
     * What a receiver checks: the header is well formed, its time within {@code tolerance} of {@code now}, and its
     * signature the one {@code secret} makes of that time and {@code body} (compared in constant time).
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("[0-9]{1,12}")) {
                t = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(
                hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
