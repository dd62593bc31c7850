package com.zebros.platform.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.zebros.platform.support.StackHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path directory, String... args) {
        var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        var errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        // This repository's stacks share one planner that keeps its plans; other directories plan afresh.
        return (directory.equals(StackHarness.PROJECT)
                        ? new Cli(directory, outStream, errStream, StackHarness.CLI_PLANNER)
                        : new Cli(directory, outStream, errStream))
                .run(args);
    }

    @Test
    void planJsonPrintsExactlyOneJsonDocumentAndNothingElse() {
        assertEquals(Cli.OK, run(StackHarness.PROJECT, "plan", "--stack", "dev", "--json"));
        String text = out.toString(StandardCharsets.UTF_8).trim();
        var parsed = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("dev", parsed.get("stack").getAsString());
        assertTrue(text.startsWith("{") && text.endsWith("}"));
    }

    @Test
    void planOutWritesTheJsonToAFileAndNothingToStdout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plan.json");
        assertEquals(Cli.OK, run(StackHarness.PROJECT, "plan", "--stack", "prod-eu", "--out", file.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "stdout stays empty");
        var parsed = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("prod-eu", parsed.get("stack").getAsString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("wrote the JSON plan of prod-eu"));
    }

    /** A value AWS would refuse stops the plan with exit 3, unless the user says to plan anyway. */
    @Test
    void planExitsThreeOnAPreflightFindingUnlessAllowed(@TempDir Path dir) throws IOException {
        Files.copy(StackHarness.PROJECT.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        // A domain the config accepts, but too long for the first name of the regional certificates.
        Files.writeString(
                dir.resolve("Pulumi.dev.yaml"),
                Files.readString(StackHarness.PROJECT.resolve("Pulumi.dev.yaml"))
                        .replace(
                                "dev.crm.zebros.example",
                                "a-rather-long-subdomain-name-for-tests.dev.crm.zebros.example"));
        assertEquals(Cli.PREFLIGHT_FAILED, run(dir, "plan", "--stack", "dev"));
        String errors = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertTrue(
                errors.contains("domainName = \"auth.a-rather-long-subdomain-name-for-tests.dev.crm.zebros.example\": "
                                + "must be at most 64 characters")
                        && errors.contains("gs-acm-request-public"),
                errors);
        assertTrue(errors.contains("--allow-preflight-failures"), errors);
        assertEquals(Cli.OK, run(dir, "plan", "--stack", "dev", "--allow-preflight-failures"));
        assertEquals(
                Cli.PREFLIGHT_FAILED,
                run(dir, "promote", "--stack", "dev", "--to", "1"),
                "promote refuses a step whose target plan fails the preflight");
    }

    @Test
    void planPrintsATreeAndACount() {
        assertEquals(Cli.OK, run(StackHarness.PROJECT, "plan", "--stack", "dev"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Previewing update (dev): phase 0, standalone, us-east-1"), text.substring(0, 80));
        // pulumi preview's conventions: '+' is a create, the stack at the root, the tree under it.
        assertTrue(text.contains(" +   pulumi:pulumi:Stack"), text.substring(0, 400));
        assertTrue(text.matches("(?s).* \\+   ├─ zebros:data:CrmTables +tables +create.*"), text.substring(0, 600));
        assertTrue(text.matches(
                "(?s).* \\+   │  ├─ aws:dynamodb/table:Table +customers +create +name=zebros-dev-customers.*"));
        assertTrue(!text.contains(" -   "), "nothing reads as a delete in a fresh stack's plan");
        assertTrue(text.matches("(?s).*\\nResources:\\n    \\+ \\d+ to create\\n.*"));
        assertTrue(text.contains("Per component (") && text.contains("Per type:"));
        assertTrue(text.contains("\nChecks:\n    Security baseline: ") && text.contains("    Preflight ("));
        assertTrue(!text.contains("\u001b["), "no colour when stdout is not a terminal");
    }

    @Test
    void thePhaseOptionPlansAnotherPhase() {
        assertEquals(Cli.OK, run(StackHarness.PROJECT, "plan", "--stack", "dev", "--phase", "1", "--json"));
        assertEquals(
                1,
                JsonParser.parseString(out.toString(StandardCharsets.UTF_8))
                        .getAsJsonObject()
                        .get("phase")
                        .getAsInt());
    }

    @Test
    void badConfigExitsWithTwoAndNamesTheKey(@TempDir Path dir) throws IOException {
        Files.copy(StackHarness.PROJECT.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(
                dir.resolve("Pulumi.broken.yaml"),
                "config:\n  zebros:phase: 5\n  zebros:region: us-east-1\n"
                        + "  zebros:domain: crm.example.com\n  zebros:hostedZoneId: Z123\n");
        assertEquals(Cli.BAD_INPUT, run(dir, "plan", "--stack", "broken", "--json"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("zebros:phase: found \"5\"; allowed: an integer from 0 to 3"), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing is planned from bad config");
    }

    @Test
    void aPhaseOptionOutOfRangeIsBadConfig() {
        assertEquals(Cli.BAD_INPUT, run(StackHarness.PROJECT, "plan", "--stack", "dev", "--phase", "4"));
    }

    @Test
    void anUnknownStackNamesTheStacksThatExist() {
        assertEquals(Cli.BAD_INPUT, run(StackHarness.PROJECT, "plan", "--stack", "staging"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Stacks here: [dev, prod-eu, prod-us]"));
    }

    @Test
    void unknownCommandsAndOptionsPrintTheUsage() {
        assertEquals(Cli.BAD_INPUT, run(StackHarness.PROJECT, "deploy"));
        assertEquals(Cli.BAD_INPUT, run(StackHarness.PROJECT, "plan", "--stack"));
        assertEquals(Cli.BAD_INPUT, run(StackHarness.PROJECT, "plan", "--stak", "dev"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: plan --stack <name>"));
    }
}
