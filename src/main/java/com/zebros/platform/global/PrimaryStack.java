package com.zebros.platform.global;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.zebros.platform.config.ConfigProblem;
import com.zebros.platform.config.InvalidStackConfigException;
import com.zebros.platform.config.StackSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * A secondary's view of its primary: the StackReference named by {@code zebros:primaryStack} and the
 * outputs the primary exports for it. Checked before any resource of the secondary is registered:
 * the referenced stack must be a primary, in the secondary's peer region, pairing back to it.
 */
public final class PrimaryStack {
    private final StackReference reference;

    public PrimaryStack(StackSettings settings) {
        String name = settings.primaryStack().orElseThrow();
        reference = new StackReference(
                "primary", StackReferenceArgs.builder().name(name).build());
        check(settings, name);
    }

    private void check(StackSettings settings, String name) {
        String fix = "deploy the primary first (pulumi up -s " + name + ") or point zebros:primaryStack at it";
        String role = value(PrimaryOutputs.ROLE);
        String region = value(PrimaryOutputs.REGION);
        String peer = value(PrimaryOutputs.PEER_REGION);
        List<ConfigProblem> problems = new ArrayList<>();
        if (role == null) {
            problems.add(new ConfigProblem(
                    "zebros:primaryStack", "\"" + name + "\" with no outputs", "a deployed primary stack", fix));
        } else {
            if (!role.equals("primary")) {
                problems.add(new ConfigProblem(
                        "zebros:primaryStack",
                        "\"" + name + "\", whose role is " + role,
                        "a stack whose zebros:role is primary",
                        fix));
            }
            if (!settings.peerRegion().orElse("").equals(region)) {
                problems.add(new ConfigProblem(
                        "zebros:peerRegion",
                        "\"" + settings.peerRegion().orElse("") + "\"",
                        "the primary's region, " + region,
                        "pulumi config set zebros:peerRegion " + region));
            }
            String fingerprint = value(PrimaryOutputs.DB_PASSWORD_FINGERPRINT);
            if (fingerprint != null
                    && !fingerprint.equals(
                            PasswordFingerprint.of(settings.dbMasterPassword().reveal(), settings.domain()))) {
                problems.add(new ConfigProblem(
                        "zebros:dbMasterPassword",
                        "a value other than " + name + "'s",
                        "the primary's database master password: both regions' Keycloak log into the one global "
                                + "cluster",
                        "pulumi config cp zebros:dbMasterPassword --stack " + name + " --dest " + settings.stack()));
            }
            if (!settings.region().equals(peer)) {
                problems.add(new ConfigProblem(
                        "zebros:region",
                        "\"" + settings.region() + "\"",
                        "the primary's peer region, " + peer,
                        "pulumi config set zebros:peerRegion " + settings.region() + " -s " + name
                                + " (on the primary)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidStackConfigException(settings.stack(), problems);
        }
    }

    /** A plain output of the primary, read before the secondary registers anything; null when absent. */
    private String value(String key) {
        try {
            Object value = reference.getValueAsync(key).join();
            return value == null ? null : String.valueOf(value);
        } catch (CompletionException e) {
            return null;
        }
    }

    /**
     * The primary's phase, for the warning when the pair differs. Stack outputs travel as JSON, so a
     * phase of 3 comes back as the number 3.0; empty when the primary does not say.
     */
    public java.util.Optional<Integer> phase() {
        String value = value(PrimaryOutputs.PHASE);
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of((int) Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    public Output<String> string(String key) {
        return reference.requireOutput(key).applyValue(String::valueOf);
    }

    /** The primary's {@code tableNames}: table id to physical name (the replicas' names here too). */
    public Output<Map<String, String>> tableNames() {
        return reference.requireOutput(PrimaryOutputs.TABLE_NAMES).applyValue(value -> {
            Map<String, String> names = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> names.put(String.valueOf(k), String.valueOf(v)));
            return names;
        });
    }
}
