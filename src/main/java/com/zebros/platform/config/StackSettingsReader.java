package com.zebros.platform.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and validates a stack's {@code zebros:} config. Every problem is collected and reported
 * together, each naming the key, the value found, what is allowed and the command that fixes it,
 * so one run tells a person everything to change.
 */
public final class StackSettingsReader {

    /** Whether missing secrets stop the run (a real deployment) or are planned with a placeholder. */
    public enum SecretsMode {
        REQUIRED,
        PLACEHOLDER
    }

    /**
     * The longest stack name every physical name built from it stays valid with. The tightest is the
     * Keycloak load balancer's {@code zebros-<stack>-auth}: Elastic Load Balancing allows 32 characters
     * (the preflight's elb-load-balancer-name rule), so 32 - "zebros-".length() - "-auth".length() = 20.
     * PreflightTest plans a stack with a name this long at phase 3 and finds nothing AWS would refuse.
     */
    public static final int MAX_STACK_NAME = 32 - "zebros-".length() - "-auth".length();

    private static final Pattern STACK_NAME = Pattern.compile("[a-z][a-z0-9-]{0," + (MAX_STACK_NAME - 1) + "}");
    private static final Pattern HOSTNAME =
            Pattern.compile("(?=.{4,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern STACK_REF = Pattern.compile("([A-Za-z0-9_.-]+/){0,2}[a-z][a-z0-9-]{0,19}");
    private static final Pattern CIDR = Pattern.compile("10\\.(\\d{1,3})\\.0\\.0/16");
    /** RDS refuses '/', '"', '@' and spaces in a master password and needs 8 to 128 characters. */
    private static final Pattern REDIS_TOKEN = Pattern.compile("[A-Za-z0-9!&#$^<>-]{16,128}");

    private static final Pattern DB_PASSWORD = Pattern.compile("[\\x21-\\x7e&&[^/\"@]]{8,128}");

    private final String project;
    private final String stack;
    private final ConfigSource config;
    private final SecretsMode secretsMode;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private StackSettingsReader(String project, String stack, ConfigSource config, SecretsMode secretsMode) {
        this.project = project;
        this.stack = stack;
        this.config = config;
        this.secretsMode = secretsMode;
    }

    /** The settings of {@code stack}, or an {@link InvalidStackConfigException} listing every problem. */
    public static StackSettings read(String project, String stack, ConfigSource config, SecretsMode secretsMode) {
        return new StackSettingsReader(project, stack, config, secretsMode).read();
    }

    private StackSettings read() {
        if (!STACK_NAME.matcher(stack).matches()) {
            problems.add(new ConfigProblem(
                    "stack name",
                    quote(stack),
                    "lower-case letters, digits and hyphens, starting with a letter, at most " + MAX_STACK_NAME
                            + " characters: the tightest name built from it, the load balancer's zebros-<stack>-auth, "
                            + "must fit Elastic Load Balancing's 32",
                    "pulumi stack rename <shorter-name>"));
        }
        int phase = integer("phase", PhaseTable.MIN_PHASE, PhaseTable.MAX_PHASE, 0);
        Role role = role();
        String region = region("region", true).orElse("us-east-1");
        Optional<String> peerRegion = region("peerRegion", false);
        Optional<String> primaryStack = optional("primaryStack");
        checkRoleWiring(role, region, peerRegion, primaryStack);
        String domain = matching("domain", HOSTNAME, "a DNS name such as crm.example.com", "crm.example.com");
        String zone = matching(
                "hostedZoneId", ZONE_ID, "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ", "<zone-id>");
        Optional<String> alarmEmail = optional("alarmEmail");
        alarmEmail
                .filter(e -> !EMAIL.matcher(e).matches())
                .ifPresent(e -> problem(
                        "alarmEmail", e, "an e-mail address", "pulumi config set zebros:alarmEmail ops@example.com"));
        String imageTag = optional("imageTag").orElse("0.1.0");
        if (!IMAGE_TAG.matcher(imageTag).matches()) {
            problem(
                    "imageTag",
                    imageTag,
                    "a Docker tag: letters, digits, '_', '.', '-', at most 128 characters",
                    "pulumi config set zebros:imageTag 0.1.0");
        }
        String artifact = optional("functionsArtifact").orElse("functions/target/zebros-functions.jar");
        boolean deletionProtection = bool("deletionProtection", true);
        String vpcCidr = optional("vpcCidr").orElse("10.40.0.0/16");
        var cidr = CIDR.matcher(vpcCidr);
        if (!cidr.matches() || Integer.parseInt(cidr.group(1)) > 255) {
            problem(
                    "vpcCidr",
                    vpcCidr,
                    "a private /16 of the form 10.N.0.0/16 (the subnets are /20s inside it)",
                    "pulumi config set zebros:vpcCidr 10.40.0.0/16");
        }
        Map<String, Double> overrides = overrides(phase);
        Secret dbPassword = secret(
                "dbMasterPassword",
                DB_PASSWORD,
                "8 to 128 printable characters without '/', '\"', '@' or spaces (RDS master password rules)");
        Secret adminPassword =
                secret("keycloakAdminPassword", Pattern.compile("\\S{12,128}"), "12 to 128 characters without spaces");
        // Redis arrives in phase 2; its AUTH token rules are ElastiCache's
        // (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html).
        Secret redisToken = Feature.REDIS.in(phase)
                ? secret(
                        "redisAuthToken",
                        REDIS_TOKEN,
                        "16 to 128 letters, digits and ! & # $ ^ < > - (ElastiCache AUTH rules)")
                : Secret.placeholder();
        String redisMode = optional("redisClusterMode").orElse("");
        RedisClusterMode mode = RedisClusterMode.of(redisMode);
        boolean allowed = mode == RedisClusterMode.PHASE
                || mode == RedisClusterMode.COMPATIBLE && phase == Feature.REDIS_CLUSTER_MODE.firstPhase()
                || mode == RedisClusterMode.KEPT && Feature.REDIS.in(phase) && !Feature.REDIS_CLUSTER_MODE.in(phase);
        if (!allowed) {
            problem(
                    "redisClusterMode",
                    redisMode,
                    "\"compatible\" at phase 3 (the first of the two steps into cluster "
                            + "mode) or \"enabled\" at phase 2 (Redis stays in cluster mode after a step down): values "
                            + "`promote` writes and removes",
                    "pulumi config rm zebros:redisClusterMode");
            mode = RedisClusterMode.PHASE;
        }

        if (!problems.isEmpty()) {
            throw new InvalidStackConfigException(stack, problems);
        }
        return new StackSettings(
                project,
                stack,
                phase,
                role,
                region,
                peerRegion,
                primaryStack,
                domain,
                zone,
                alarmEmail,
                imageTag,
                artifact,
                deletionProtection,
                vpcCidr,
                overrides,
                dbPassword,
                adminPassword,
                redisToken,
                mode);
    }

    private void checkRoleWiring(Role role, String region, Optional<String> peer, Optional<String> primaryStack) {
        if (role == null) {
            return;
        }
        if (role == Role.STANDALONE) {
            peer.ifPresent(p -> problem(
                    "peerRegion",
                    p,
                    "no peer region for a standalone stack",
                    "pulumi config rm zebros:peerRegion, or set zebros:role to primary or secondary"));
        } else if (peer.isEmpty()) {
            problem(
                    "peerRegion",
                    "nothing",
                    "the other region of the pair, for a " + role.configValue() + " stack",
                    "pulumi config set zebros:peerRegion " + (region.equals("us-east-1") ? "eu-west-1" : "us-east-1"));
        } else if (peer.get().equals(region)) {
            problem(
                    "peerRegion",
                    peer.get(),
                    "a region other than zebros:region (" + region + "): the pair must span two regions",
                    "pulumi config set zebros:peerRegion <other-region>");
        }
        if (role == Role.SECONDARY && primaryStack.isEmpty()) {
            problem(
                    "primaryStack",
                    "nothing",
                    "the name of the primary's stack, e.g. prod-us or org/zebros/prod-us",
                    "pulumi config set zebros:primaryStack prod-us");
        }
        if (role != Role.SECONDARY) {
            primaryStack.ifPresent(p -> problem(
                    "primaryStack",
                    p,
                    "only a secondary stack names a primary",
                    "pulumi config rm zebros:primaryStack"));
        }
        primaryStack
                .filter(p -> !STACK_REF.matcher(p).matches())
                .ifPresent(p -> problem(
                        "primaryStack",
                        p,
                        "a stack name, optionally qualified as org/project/stack",
                        "pulumi config set zebros:primaryStack prod-us"));
        primaryStack
                .filter(p -> p.equals(stack) || p.endsWith("/" + stack))
                .ifPresent(p -> problem(
                        "primaryStack",
                        p,
                        "another stack: a secondary cannot be its own primary",
                        "pulumi config set zebros:primaryStack prod-us"));
    }

    private Role role() {
        String value = optional("role").orElse("standalone");
        Optional<Role> role = Role.parse(value);
        if (role.isEmpty()) {
            problem("role", value, Role.allowedValues(), "pulumi config set zebros:role standalone");
        }
        return role.orElse(null);
    }

    private Optional<String> region(String key, boolean required) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            if (required) {
                problem(
                        key,
                        "nothing",
                        "an AWS region such as us-east-1",
                        "pulumi config set zebros:" + key + " us-east-1");
            }
            return Optional.empty();
        }
        if (!Regions.isKnown(value.get())) {
            problem(
                    key,
                    value.get(),
                    "a known AWS region: " + String.join(", ", Regions.KNOWN),
                    "pulumi config set zebros:" + key + " us-east-1");
            return Optional.empty();
        }
        return value;
    }

    private int integer(String key, int min, int max, int fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get().trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the other cases
        }
        problem(
                key,
                value.get(),
                "an integer from " + min + " to " + max,
                "pulumi config set zebros:" + key + " " + fallback);
        return fallback;
    }

    private boolean bool(String key, boolean fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get().equals("true") || value.get().equals("false")) {
            return Boolean.parseBoolean(value.get());
        }
        problem(key, value.get(), "true or false", "pulumi config set zebros:" + key + " " + fallback);
        return fallback;
    }

    private String matching(String key, Pattern pattern, String allowed, String example) {
        Optional<String> value = optional(key);
        if (value.isEmpty() || !pattern.matcher(value.get()).matches()) {
            problem(key, value.orElse("nothing"), allowed, "pulumi config set zebros:" + key + " " + example);
        }
        return value.orElse("");
    }

    private Map<String, Double> overrides(int phase) {
        Map<String, Double> overrides = new LinkedHashMap<>();
        Optional<String> raw = optional("overrides");
        if (raw.isEmpty()) {
            return overrides;
        }
        String fix = "pulumi config set --path 'zebros:overrides[0]' lambdaMemoryMb.reporting=2048";
        JsonArray items;
        try {
            JsonElement parsed = JsonParser.parseString(raw.get());
            if (!parsed.isJsonArray()) {
                problem("overrides", raw.get(), "a list of setting=number entries", fix);
                return overrides;
            }
            items = parsed.getAsJsonArray();
        } catch (RuntimeException e) {
            problem("overrides", raw.get(), "a list of setting=number entries", fix);
            return overrides;
        }
        for (JsonElement item : items) {
            String entry = item.isJsonPrimitive() ? item.getAsString() : item.toString();
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                problem("overrides", entry, "setting=number, e.g. lambdaMemoryMb.reporting=2048", fix);
                continue;
            }
            try {
                overrides.put(
                        entry.substring(0, eq).trim(),
                        Double.parseDouble(entry.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                problem("overrides", entry, "a number after '='", fix);
            }
        }
        if (phase >= PhaseTable.MIN_PHASE && phase <= PhaseTable.MAX_PHASE) {
            for (String p : PhaseTable.problemsWith(phase, overrides)) {
                problems.add(new ConfigProblem(
                        "zebros:overrides",
                        quote(p.substring(0, p.indexOf(' '))),
                        p.substring(p.indexOf(' ') + 1),
                        "change or remove that entry of zebros:overrides"));
            }
        }
        return overrides;
    }

    private Secret secret(String key, Pattern rule, String allowed) {
        Optional<String> value = optional(key);
        String fix = "pulumi config set --secret zebros:" + key + " <value> --stack " + stack;
        if (value.isPresent() && !config.isStoredEncrypted(key)) {
            problem(key, "a value in plain text", "a secret, encrypted in the stack file", fix);
            return Secret.placeholder();
        }
        if (value.isEmpty()) {
            if (secretsMode == SecretsMode.REQUIRED) {
                problem(key, "nothing", "a secret: " + allowed, fix);
            }
            return Secret.placeholder();
        }
        if (!rule.matcher(value.get()).matches()) {
            // The value itself never appears in the message.
            problem(key, "a value that breaks the rules", allowed, fix);
        }
        return Secret.of(value.get());
    }

    private Optional<String> optional(String key) {
        return config.get(key).filter(v -> !v.isBlank());
    }

    private void problem(String key, String found, String allowed, String fix) {
        problems.add(new ConfigProblem("zebros:" + key, quote(found), allowed, fix));
    }

    private static String quote(String value) {
        return value.equals("nothing") || value.startsWith("a value") ? value : "\"" + value + "\"";
    }
}
