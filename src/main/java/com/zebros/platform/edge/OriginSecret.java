package com.zebros.platform.edge;

import com.zebros.platform.config.StackSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The value CloudFront adds to every request it forwards, so the regional endpoints can refuse
 * requests that bypass the edge (CF-06). Derived from the stack's database secret with HMAC: it is
 * as secret as that, needs no extra config, and changes when that secret is rotated.
 */
public final class OriginSecret {
    public static final String HEADER = "x-origin-verify";

    private OriginSecret() {
    }

    public static String derive(StackSettings settings) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.dbMasterPassword().reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("zebros-origin-verify:" + settings.domain()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
