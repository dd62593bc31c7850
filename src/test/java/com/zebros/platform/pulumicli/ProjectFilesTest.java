package com.zebros.platform.pulumicli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Pulumi.yaml and every stack file as the real Pulumi CLI sees them ({@link PulumiCliRules}), with
 * exactly the secrets docs/deploy.md's Deploy section sets. Our own reader and the mock engine accept
 * anything; the CLI refuses a bad project before the program runs.
 */
class ProjectFilesTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Pattern SET_SECRET = Pattern.compile("pulumi config set --secret (\\S+) --stack (\\S+)");
    private static final Pattern COPY = Pattern.compile("pulumi config cp (\\S+) --stack (\\S+) --dest (\\S+)");
    private static final Pattern UP = Pattern.compile("pulumi up --stack (\\S+)");

    @Test
    void theProjectFileIsAcceptedByTheCli() {
        assertEquals(List.of(), PulumiCliRules.validateProject(yaml(PROJECT.resolve("Pulumi.yaml"))));
    }

    /** The project file as it was before the rename: every CLI command refused it. */
    @Test
    void aProjectWhoseNameIsNotItsConfigNamespaceIsRefused() {
        List<String> errors =
                PulumiCliRules.validateProject(yaml(Path.of("src/test/resources/pulumicli/Pulumi.zebros-crm.yaml")));
        assertTrue(
                errors.contains("Configuration key 'zebros:phase' is not namespaced by the project and should not "
                        + "define a type"),
                errors.toString());
    }

    /** Ported from pulumi/pulumi sdk/go/common/workspace/project_test.go, so the port answers as the CLI does. */
    @Test
    void theRulesAnswerPulumisOwnCases() {
        Map<String, Object> typedForeignKey = Map.of(
                "name",
                "test",
                "runtime",
                "dotnet",
                "config",
                Map.of("aws:region", Map.of("type", "string", "value", Map.of("region", "us-west-1"))));
        assertEquals(
                List.of("Configuration key 'aws:region' is not namespaced by the project and should not define a type"),
                PulumiCliRules.validateProject(typedForeignKey),
                "TestNamespacedProjectConfigShouldNotBeExplicitlyTyped");
        Map<String, Object> both = Map.of(
                "name",
                "test",
                "runtime",
                "dotnet",
                "config",
                Map.of("instanceSize", Map.of("type", "string", "default", "t3.micro", "value", "t4.large")));
        assertEquals(
                List.of("project config 'instanceSize' cannot have both a 'default' and 'value' attribute"),
                PulumiCliRules.validateProject(both),
                "TestProjectConfigCannotHaveBothValueAndDefault");
        Map<String, Object> arrayWithoutItems =
                Map.of("name", "test", "runtime", "java", "config", Map.of("test:names", Map.of("type", "array")));
        assertFalse(PulumiCliRules.validateProject(arrayWithoutItems).isEmpty(), "an array needs items");
    }

    /**
     * {@code pulumi preview/up --stack <name>} after docs/deploy.md's commands for that stack: the stack file
     * merged with Pulumi.yaml's defaults and the secrets set or copied before its {@code pulumi up}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod-us", "prod-eu"})
    void everyStackPassesTheCliWithTheSecretsReadmeSets(String stack) {
        Map<String, String> secrets = secretsReadmeSetsBeforeUp(stack);
        assertFalse(secrets.isEmpty(), "docs/deploy.md's Deploy section must deploy " + stack);
        Map<String, Object> config =
                new LinkedHashMap<>(PulumiCliRules.asMap(yaml(stackFile(stack)).get("config")));
        secrets.forEach((key, plain) -> config.put(key, Map.of("secure", "v1:encrypted")));
        assertEquals(
                List.of(), PulumiCliRules.validateStack(stack, yaml(PROJECT.resolve("Pulumi.yaml")), config, secrets));
    }

    @Test
    void aStackWithoutItsSecretsIsRefusedAsTheCliWould() {
        Map<String, Object> config = PulumiCliRules.asMap(yaml(stackFile("dev")).get("config"));
        assertEquals(
                List.of("Stack 'dev' is missing configuration values 'zebros:dbMasterPassword' and "
                        + "'zebros:keycloakAdminPassword'"),
                PulumiCliRules.validateStack("dev", yaml(PROJECT.resolve("Pulumi.yaml")), config, Map.of()));
    }

    @Test
    void aSecretInPlainTextOrAValueOfTheWrongTypeIsRefused() {
        Map<String, Object> config =
                new LinkedHashMap<>(PulumiCliRules.asMap(yaml(stackFile("dev")).get("config")));
        config.put("zebros:dbMasterPassword", "in-plain-text");
        config.put("zebros:keycloakAdminPassword", Map.of("secure", "v1:encrypted"));
        config.put("zebros:phase", "three");
        assertEquals(
                List.of(
                        "Stack 'dev' with configuration key 'zebros:dbMasterPassword' must be encrypted as it's secret",
                        "Stack 'dev' with configuration key 'zebros:phase' must be of type 'integer'"),
                PulumiCliRules.validateStack(
                        "dev",
                        yaml(PROJECT.resolve("Pulumi.yaml")),
                        config,
                        Map.of("zebros:keycloakAdminPassword", "a-long-admin-password")));
    }

    /** A key only some phases need must not be declared: the CLI would demand it at phase 0. */
    @Test
    void aSecretOnlyLaterPhasesNeedIsNotDeclared() {
        var declared = PulumiCliRules.asMap(yaml(PROJECT.resolve("Pulumi.yaml")).get("config"));
        assertFalse(declared.containsKey("zebros:redisAuthToken"), "phase 2 and up only");
    }

    /**
     * The secrets docs/deploy.md's Deploy blocks set (or copy) for {@code stack} before its {@code pulumi up},
     * each with a stand-in plain value of the right shape.
     */
    private static Map<String, String> secretsReadmeSetsBeforeUp(String stack) {
        Map<String, Map<String, String>> byStack = new HashMap<>();
        for (String line : deployCommands()) {
            Matcher set = SET_SECRET.matcher(line);
            Matcher copy = COPY.matcher(line);
            Matcher up = UP.matcher(line);
            if (set.find()) {
                byStack.computeIfAbsent(set.group(2), s -> new LinkedHashMap<>())
                        .put(set.group(1), "Stand-in-secret-0123456789");
            } else if (copy.find()) {
                String value = byStack.getOrDefault(copy.group(2), Map.of()).get(copy.group(1));
                assertTrue(
                        value != null,
                        "docs/deploy.md copies " + copy.group(1) + " from a stack that has not set it: " + line);
                byStack.computeIfAbsent(copy.group(3), s -> new LinkedHashMap<>())
                        .put(copy.group(1), value);
            } else if (up.find() && up.group(1).equals(stack)) {
                return byStack.getOrDefault(stack, Map.of());
            }
        }
        return Map.of();
    }

    /** The commands of docs/deploy.md's Deploy code blocks, in order. */
    private static List<String> deployCommands() {
        try {
            String readme = Files.readString(PROJECT.resolve("docs/deploy.md"));
            String deploy = readme.substring(
                    readme.indexOf("## Deploy\n"), readme.indexOf("\n## ", readme.indexOf("## Deploy\n") + 1));
            List<String> commands = new java.util.ArrayList<>();
            boolean inBlock = false;
            for (String line : deploy.split("\n")) {
                if (line.startsWith("```")) {
                    inBlock = !inBlock;
                } else if (inBlock) {
                    commands.add(line);
                }
            }
            return commands;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path stackFile(String stack) {
        return PROJECT.resolve("Pulumi." + stack + ".yaml");
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return PulumiCliRules.asMap(
                    new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
