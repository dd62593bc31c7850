package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/maintainers.md names the places a change goes; each place it names is there. A file path is a file of the
 * repository; {@code area/Class} (or {@code area/Class.member}) a class of the program, its tools or the functions,
 * holding that member; {@code Class.Inner.member} a class holding each name; a test's name a test class. A guide that
 * points at a class that moved fails here, not in a maintainer's hands. (NewTableTest takes the table section's steps.)
 */
class MaintainersGuideTest {
    private static final Path GUIDE = Path.of("docs/maintainers.md");
    private static final List<Path> MAIN = List.of(
            Path.of("src/main/java/com/zebros/platform"),
            Path.of("src/main/java/com/zebros/platform/tools"),
            Path.of("functions/src/main/java/com/zebros/crm"));
    private static final Pattern TEST = Pattern.compile("[A-Z]\\w*Test");
    private static final Pattern FILE =
            Pattern.compile("(?:python3 )?((?:schema|scripts|src|tools|docs)/[\\w./-]+)(?: .*)?");
    private static final Pattern AREA_CLASS = Pattern.compile("([a-z]+(?:/[a-z]+)*)/([A-Z]\\w*)((?:\\.\\w+)*)");
    private static final Pattern QUALIFIED = Pattern.compile("([A-Z]\\w*)((?:\\.\\w+)+)");

    @Test
    void everyPlaceTheGuideNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        Matcher code = Pattern.compile("`([^`]+)`").matcher(Files.readString(GUIDE));
        while (code.find()) {
            String token = code.group(1);
            Optional<String> problem = check(token);
            if (problem != null) {
                checked++;
                problem.ifPresent(p -> missing.add("`" + token + "`: " + p));
            }
        }
        assertTrue(checked > 50, "the guide's places were read: " + checked);
        assertEquals(List.of(), missing, "docs/maintainers.md names places that are not there");
    }

    /** null: not a place; empty: the place is there; otherwise what is missing. */
    private static Optional<String> check(String token) {
        if (TEST.matcher(token).matches()) {
            return testClass(token) ? Optional.empty() : Optional.of("no test class " + token);
        }
        Matcher file = FILE.matcher(token);
        if (file.matches()) {
            String path = file.group(1);
            return Files.exists(Path.of(path)) ? Optional.empty() : Optional.of("no file " + path);
        }
        Matcher area = AREA_CLASS.matcher(token);
        if (area.matches()) {
            Optional<Path> source = MAIN.stream()
                    .map(root -> root.resolve(area.group(1)).resolve(area.group(2) + ".java"))
                    .filter(Files::isRegularFile)
                    .findFirst();
            return source.isEmpty()
                    ? Optional.of("no class " + area.group(2) + " in " + area.group(1))
                    : members(source.get(), area.group(3));
        }
        Matcher qualified = QUALIFIED.matcher(token);
        if (qualified.matches() && !token.contains("(")) {
            Optional<Path> source = classFile(qualified.group(1));
            return source.isEmpty()
                    ? Optional.of("no class " + qualified.group(1))
                    : members(source.get(), qualified.group(2));
        }
        return null;
    }

    private static Optional<String> members(Path source, String dotted) {
        String text = read(source);
        for (String member : dotted.split("\\.")) {
            if (!member.isEmpty()
                    && !Pattern.compile("\\b" + member + "\\b").matcher(text).find()) {
                return Optional.of(source + " has no " + member);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> classFile(String name) {
        try (Stream<Path> files = Stream.of(Path.of("src/main/java"), Path.of("functions/src/main/java"))
                .flatMap(MaintainersGuideTest::walk)) {
            return files.filter(p -> p.getFileName().toString().equals(name + ".java"))
                    .findFirst();
        }
    }

    private static boolean testClass(String name) {
        try (Stream<Path> roots = Stream.of(
                        Path.of("src/test/java"), Path.of("functions/src/test/java"), Path.of("containers"))
                .flatMap(MaintainersGuideTest::walk)) {
            return roots.anyMatch(p -> p.getFileName().toString().equals(name + ".java"));
        }
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
