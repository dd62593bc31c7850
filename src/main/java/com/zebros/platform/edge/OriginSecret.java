package com.zebros.platform.edge;

import com.pulumi.core.Output;
import com.zebros.platform.config.StackSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The value CloudFront adds to every request it forwards, so the regional endpoints can refuse
 * requests that bypass the edge. Derived from the stack's database secret with HMAC: it is as
 * secret as that, needs no extra config, and changes when that secret is rotated. It is handed to
 * resources only as a secret Output, so the engine stores it encrypted and previews mask it.
 */
public final class OriginSecret {
    public static final String HEADER = "x-origin-verify";

    private OriginSecret() {}

    /** The header value of this stack, as a secret. */
    public static Output<String> of(StackSettings settings) {
        return Output.ofSecret(derive(settings.dbMasterPassword().reveal(), settings.domain()));
    }

    /** The HMAC itself; public so tests can look for it where it must not appear in the clear. */
    public static String derive(String databasePassword, String domain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(databasePassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("zebros-origin-verify:" + domain).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
