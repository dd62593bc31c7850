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
 * No comment or message may cite what a reader of this repository cannot open: the code cites a rule by its public
 * source (a documentation page, a provider issue or source file) by URL, never by a code of docs/aws-constraints.md;
 * every rule of that document ends with the public source it rests on; and every repository document a source
 * names exists.
 */
class CitationsTest {
    private static final Pattern CODE =
            Pattern.compile("\\b(APIGW|AUR|CF|DAX|DDB|EC|ECS|KC|LBD|PUL|R53|S3|SFN|WAF)-[0-9]{2}\\b");
    private static final Pattern RULE = Pattern.compile("<a id=\"([A-Z0-9]+-[0-9]{2})\"></a>(.*)");
    private static final Pattern PUBLIC_SOURCE = Pattern.compile("Public source: <(https://[^>\\s]+)>$");
    private static final Pattern DOCUMENT =
            Pattern.compile("(?<![/\\w.-])((?:docs|scripts|tools)/[A-Za-z0-9_./-]+[A-Za-z0-9_-])");
    private static final List<String> SOURCES = List.of("src/main", "src/test", "functions/src", "containers");

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : SOURCES) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void theCodeCitesPublicSourcesNeverARuleCode() throws IOException {
        TreeSet<String> coded = new TreeSet<>();
        for (Path file : sources()) {
            if (file.endsWith("CitationsTest.java")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CODE.matcher(lines.get(i));
                if (m.find()) {
                    coded.add(file + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertEquals(new TreeSet<>(), coded, "cite the rule's public source (its URL in docs/aws-constraints.md)");
    }

    @Test
    void everyRuleOfTheConstraintsDocumentEndsWithItsPublicSource() throws IOException {
        TreeSet<String> rules = new TreeSet<>();
        TreeSet<String> unsourced = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("docs/aws-constraints.md"))) {
            Matcher rule = RULE.matcher(line);
            if (rule.matches()) {
                rules.add(rule.group(1));
                if (!PUBLIC_SOURCE.matcher(rule.group(2).trim()).find()) {
                    unsourced.add(rule.group(1));
                }
            }
        }
        assertTrue(rules.size() > 50, "the document's rules: " + rules.size());
        assertEquals(new TreeSet<>(), unsourced, "a rule without the public source a reader opens");
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
