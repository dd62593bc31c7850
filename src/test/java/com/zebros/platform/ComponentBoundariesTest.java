package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One place decides, components build (README, docs/maintainers.md): inside a component's class, the
 * phase table is read only by static decisions ({@code forPhase}, {@code of}) that the composition root
 * calls, and the role is never tested (components ask {@code stack.decisions()}).
 */
class ComponentBoundariesTest {
    private static final Pattern METHOD = Pattern.compile(
            "^\\s+(public |private |protected )?(static )?[\\w<>\\[\\], .?]+ (\\w+)\\([^;]*$");
    private static final Pattern ROLE_TEST = Pattern.compile("Role\\.(PRIMARY|SECONDARY|STANDALONE)|\\.role\\(\\)|isGlobal\\(\\)");

    private static List<Path> components() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains(" extends ZebrosComponent")) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    @Test
    void componentsReadThePhaseTableOnlyInTheirStaticDecisions() throws IOException {
        List<Path> components = components();
        assertTrue(components.size() >= 20, "found " + components.size() + " components");
        List<String> breaches = new ArrayList<>();
        for (Path file : components) {
            List<String> lines = Files.readAllLines(file);
            String method = null;
            boolean isStatic = false;
            for (int i = 0; i < lines.size(); i++) {
                var signature = METHOD.matcher(lines.get(i));
                if (signature.find() && !lines.get(i).trim().startsWith("return") && !lines.get(i).contains(" new ")) {
                    method = signature.group(3);
                    isStatic = signature.group(2) != null;
                }
                if (lines.get(i).contains("phases()") && !isStatic) {
                    breaches.add(file.getFileName() + ":" + (i + 1) + " in " + method + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), breaches, "give the value to the component in its Args, decided by a static forPhase");
    }

    @Test
    void componentsNeverTestTheRole() throws IOException {
        List<String> breaches = new ArrayList<>();
        for (Path file : components()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (ROLE_TEST.matcher(line).find() && !line.trim().startsWith("*") && !line.trim().startsWith("//")) {
                    breaches.add(file.getFileName() + ":" + (i + 1) + ": " + line.trim());
                }
            }
        }
        assertEquals(List.of(), breaches, "ask stack.decisions() (config/RoleDecisions) instead");
    }
}
