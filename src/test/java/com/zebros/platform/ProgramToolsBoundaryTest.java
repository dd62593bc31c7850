package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The program that {@code pulumi up} runs and the offline tools that are its clients (plan, the mock engine, graph,
 * preflight, security baseline, cost, runbooks, promote: {@code com.zebros.platform.tools}) stay apart: no file of the
 * program names anything of the tools. The one exception is the entry point, {@code App}, which Pulumi and the
 * command line share: with arguments it hands them to the tools' {@code Cli}.
 */
class ProgramToolsBoundaryTest {
    private static final Path MAIN = Path.of("src/main/java/com/zebros/platform");
    private static final Pattern TOOLS = Pattern.compile("com\\.zebros\\.platform\\.tools\\b[\\w.]*");

    @Test
    void theProgramNeverNamesTheTools() throws IOException {
        List<String> crossings = new ArrayList<>();
        int programFiles = 0;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            for (Path file :
                    walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (file.startsWith(MAIN.resolve("tools")) || file.equals(MAIN.resolve("App.java"))) {
                    continue;
                }
                programFiles++;
                Matcher named = TOOLS.matcher(Files.readString(file));
                while (named.find()) {
                    crossings.add(MAIN.relativize(file) + " names " + named.group());
                }
            }
        }
        assertTrue(programFiles > 80, "the program's files: " + programFiles);
        assertEquals(List.of(), crossings, "the program must not depend on its tools");
    }

    @Test
    void theToolsAreUnderOnePackage() throws IOException {
        try (Stream<Path> top = Files.list(MAIN)) {
            List<String> packages = top.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
            for (String tool : List.of("offline", "preflight", "baseline", "cost", "runbook")) {
                assertTrue(!packages.contains(tool), tool + " belongs under tools/");
                assertTrue(Files.isDirectory(MAIN.resolve("tools").resolve(tool)), "tools/" + tool);
            }
        }
    }
}
