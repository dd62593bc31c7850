package com.zebros.platform.tools.offline.transition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's replacement rules for every type the program plans, read from the table
 * tools/replacement-rules/generate.py writes from terraform-provider-aws's schemas (ForceNew attributes, RequiresReplace
 * plan modifiers, the CustomizeDiff functions that force a new resource). The Pulumi AWS provider bridges that
 * provider, so its rule is the engine's: an input marked so, when changed, makes {@code pulumi up} replace the
 * resource (https://www.pulumi.com/docs/iac/concepts/how-pulumi-works/#creation-and-deletion-order).
 */
public final class ReplacementRules {
    private static final String RESOURCE = "/replacement/rules.tsv";
    private static volatile ReplacementRules loaded;

    private final Map<String, List<ReplacementRule>> byType;
    private final Map<String, String> header;

    ReplacementRules(Map<String, List<ReplacementRule>> byType, Map<String, String> header) {
        this.byType = byType;
        this.header = header;
    }

    /** The checked-in table. */
    public static ReplacementRules load() {
        if (loaded == null) {
            try (InputStream in = ReplacementRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing; run tools/replacement-rules/generate.py");
                }
                loaded = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    static ReplacementRules parse(BufferedReader reader) throws IOException {
        Map<String, List<ReplacementRule>> byType = new LinkedHashMap<>();
        Map<String, String> header = new LinkedHashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("# ") && line.contains("\t")) {
                String[] pair = line.substring(2).split("\t", 2);
                header.put(pair[0], pair[1]);
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length < 6) {
                throw new IllegalStateException("replacement table row with " + cells.length + " cells: " + line);
            }
            byType.computeIfAbsent(cells[0], t -> new ArrayList<>())
                    .add(new ReplacementRule(cells[0], cells[1], cells[2], cells[3] + "." + cells[4], cells[5]));
        }
        // The most specific row first, so a nested ForceNew is found before its block's own row.
        byType.values()
                .forEach(rules -> rules.sort(Comparator.comparingInt(
                                (ReplacementRule r) -> r.inputPath().length())
                        .reversed()));
        return new ReplacementRules(byType, header);
    }

    public boolean knows(String type) {
        return byType.containsKey(type);
    }

    public List<ReplacementRule> rulesOf(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The row governing a changed input path ({@code globalSecondaryIndexes[2].readCapacity}), if any. */
    public Optional<ReplacementRule> ruleFor(String type, String path) {
        String normalized = path.replaceAll("\\[\\d+]", "[]");
        return rulesOf(type).stream().filter(rule -> rule.covers(normalized)).findFirst();
    }

    /** A header value: source-revision, source-version, bridged-version. */
    public String header(String key) {
        return header.getOrDefault(key, "");
    }
}
