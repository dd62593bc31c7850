package com.zebros.platform.tools.offline.transition;

import com.zebros.platform.tools.offline.PlannedResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which names AWS holds unique, in what scope, and what it does when a second resource is created under a name that
 * is taken (src/main/resources/replacement/name-scopes.tsv, each row citing the AWS API page that says so).
 */
public final class NameScopes {
    private static final String RESOURCE = "/replacement/name-scopes.tsv";
    private static volatile NameScopes loaded;

    /** What AWS does with a create under a taken name. */
    public enum OnTaken {
        /** The create fails: {@code pulumi up} stops there. */
        REFUSES,
        /** The create succeeds over the existing one; the old resource's later delete removes the new one's object. */
        OVERWRITES,
        /** Each create makes a new revision under the same name (ECS task definitions): nothing collides. */
        REVISION,
        /** AWS or the provider assigns the name: nothing collides. */
        NONE
    }

    /** One type's row: the inputs that form its name, the behaviour, the scope in words, the AWS page. */
    public record Scope(String type, List<String> identity, String onTaken, String words, String source) {}

    /**
     * The name a resource holds: a key unique within its scope, what AWS does when it is taken, and the scope's row.
     */
    public record HeldName(String key, OnTaken onTaken, Scope scope) {}

    private final Map<String, Scope> byType;

    private NameScopes(Map<String, Scope> byType) {
        this.byType = byType;
    }

    public static NameScopes load() {
        if (loaded == null) {
            try (InputStream in = NameScopes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing");
                }
                Map<String, Scope> byType = new LinkedHashMap<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split("\t", -1);
                    List<String> identity = cells[1].isEmpty() ? List.of() : List.of(cells[1].split("\\+"));
                    byType.put(cells[0], new Scope(cells[0], identity, cells[2], cells[3], cells[4]));
                }
                loaded = new NameScopes(byType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    public boolean knows(String type) {
        return byType.containsKey(type);
    }

    public Optional<Scope> scopeOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * The name {@code resource} holds, or empty when AWS assigns it or the provider makes one up. An identity input
     * written {@code ?input} is generated uniquely when the program leaves it out (a Lambda permission's statement id).
     */
    public Optional<HeldName> heldBy(PlannedResource resource) {
        Scope scope = byType.get(resource.type());
        if (scope == null || scope.identity().isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String input : scope.identity()) {
            if (input.equals("@region")) {
                parts.add(String.valueOf(resource.region()));
                continue;
            }
            boolean generated = input.startsWith("?");
            Object value = resource.inputs().get(generated ? input.substring(1) : input);
            if (value == null && generated) {
                return Optional.empty();
            }
            parts.add(value == null ? "" : String.valueOf(value));
        }
        return Optional.of(
                new HeldName(resource.type() + " " + String.join(" / ", parts), onTaken(scope, resource), scope));
    }

    private static OnTaken onTaken(Scope scope, PlannedResource resource) {
        return switch (scope.onTaken()) {
            case "refuses" -> OnTaken.REFUSES;
            case "overwrites" -> OnTaken.OVERWRITES;
            case "revision" -> OnTaken.REVISION;
            case "none" -> OnTaken.NONE;
            // Route 53: the provider sends CREATE, which fails on an existing record, or UPSERT when the record
            // allows overwriting
            // (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53_record#allow_overwrite).
            case "refuses-unless-allowOverwrite" ->
                Boolean.TRUE.equals(resource.inputs().get("allowOverwrite")) ? OnTaken.OVERWRITES : OnTaken.REFUSES;
            default -> throw new IllegalStateException("name-scopes.tsv: unknown behaviour " + scope.onTaken());
        };
    }
}
