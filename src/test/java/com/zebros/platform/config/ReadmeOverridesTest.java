package com.zebros.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The list of override settings in docs/deploy.md is exactly the settings `PhaseSetting` accepts, with their members. */
class ReadmeOverridesTest {
    private static String section() throws IOException {
        return section(Files.readString(Path.of("docs/deploy.md")));
    }

    private static String section(String readme) {
        int start = readme.indexOf("Settings (ReadmeOverridesTest");
        int end = readme.indexOf("A setting that does not apply", start);
        return readme.substring(start, end);
    }

    private static String placeholder(PhaseSetting.Scope scope) {
        return switch (scope) {
            case STACK -> "";
            case FUNCTION_GROUP -> ".<group>";
            case WORKER_KIND -> ".<kind>";
            case TABLE -> ".<table>";
        };
    }

    /** The settings the Overrides list of {@code page} (docs/deploy.md's text) names. */
    static Set<String> listed(String page) {
        Set<String> listed = new TreeSet<>();
        Matcher token = Pattern.compile("`([a-zA-Z0-9]+(?:\\.<[a-z]+>)?)`").matcher(section(page));
        while (token.find()) {
            listed.add(token.group(1));
        }
        return listed;
    }

    /** The settings PhaseSetting accepts, as the list names them. */
    static Set<String> accepted() {
        return Arrays.stream(PhaseSetting.values())
                .map(s -> s.family() + placeholder(s.scope()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everySettingIsListedAndNothingElse() throws IOException {
        assertEquals(
                accepted(),
                listed(Files.readString(Path.of("docs/deploy.md"))),
                "docs/deploy.md's Overrides list and config/PhaseSetting disagree");
    }

    @Test
    void theMembersListedAreTheGroupsAndKindsThereAre() throws IOException {
        String section = section();
        String groups = section.substring(section.indexOf("Groups: ") + 8)
                .replaceAll("\\s+", " ")
                .trim();
        assertEquals(
                Arrays.stream(FunctionGroup.values()).map(FunctionGroup::id).collect(Collectors.joining(", ")) + ".",
                groups);
        String kinds =
                section.substring(section.indexOf("(kinds: ") + 8, section.indexOf(")", section.indexOf("(kinds: ")));
        assertEquals(
                Arrays.stream(WorkerKind.values()).map(WorkerKind::id).collect(Collectors.joining(", ")),
                kinds.replaceAll("\\s+", " "));
    }
}
