package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No comment or message may cite what a reader of this repository cannot open: every rule code the sources
 * cite (AUR-09, S3-10, ...) is a rule of docs/aws-constraints.md, and every repository document a source names
 * exists.
 */
class CitationsTest {
    private static final Pattern CODE = Pattern.compile("\\b(APIGW|AUR|CF|DAX|DDB|EC|ECS|KC|LBD|PUL|R53|S3|SFN|WAF)-[0-9]{2}\\b");
    private static final Pattern DOCUMENT = Pattern.compile("(?<![/\\w.])((?:docs|scripts|tools)/[A-Za-z0-9_./-]+[A-Za-z0-9_-])");
    private static final List<String> SOURCES = List.of("src/main", "src/test", "functions/src", "containers");

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : SOURCES) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyCitedRuleIsInTheConstraintsDocument() throws IOException {
        String document = Files.readString(Path.of("docs/aws-constraints.md"));
        TreeSet<String> cited = new TreeSet<>();
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> bare = new TreeSet<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CODE.matcher(lines.get(i));
                while (m.find()) {
                    cited.add(m.group());
                    if (!document.contains("<a id=\"" + m.group() + "\"></a>")) {
                        missing.add(m.group() + " (" + file + ")");
                    }
                    if (!lines.get(i).contains("docs/aws-constraints.md")) {
                        bare.add(file + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), bare, "a code cited without the document a reader opens");
        assertTrue(cited.size() > 50, "the sources cite the document: " + cited.size());
        assertEquals(new TreeSet<>(), missing, "cited but not in docs/aws-constraints.md");
    }

    @Test
    void everyRepositoryDocumentASourceNamesExists() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        for (Path file : sources()) {
            Matcher m = DOCUMENT.matcher(Files.readString(file));
            while (m.find()) {
                if (!Files.exists(Path.of(m.group(1)))) {
                    missing.add(m.group(1) + " (" + file + ")");
                }
            }
        }
        assertEquals(new TreeSet<>(), missing, "named by a source but not in the repository");
    }
}
