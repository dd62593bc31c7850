package com.zebros.platform.tools.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets or removes one {@code zebros:} key in a {@code Pulumi.<stack>.yaml} and leaves every other
 * byte of the file as it was: comments, order, quoting and line endings are the team's.
 */
public final class StackFileEditor {
    private StackFileEditor() {}

    public static void set(Path file, String key, String value) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, set(text, key, value), StandardCharsets.UTF_8);
    }

    public static void remove(Path file, String key) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, remove(text, key), StandardCharsets.UTF_8);
    }

    static String set(String text, String key, String value) {
        Matcher existing = line(key).matcher(text);
        if (existing.find()) {
            return text.substring(0, existing.start(2)) + value + text.substring(existing.end(2));
        }
        Matcher config = Pattern.compile("(?m)^config:[ \\t]*(\\r?\\n)").matcher(text);
        if (!config.find()) {
            String newline = text.contains("\r\n") ? "\r\n" : "\n";
            String separator = text.isEmpty() || text.endsWith("\n") ? "" : newline;
            return text + separator + "config:" + newline + "  zebros:" + key + ": " + value + newline;
        }
        String indent = indentOfFirstEntry(text, config.end());
        return text.substring(0, config.end()) + indent + "zebros:" + key + ": " + value + config.group(1)
                + text.substring(config.end());
    }

    static String remove(String text, String key) {
        return Pattern.compile("(?m)^[ \\t]+zebros:" + Pattern.quote(key) + ":[^\\r\\n]*(\\r?\\n|$)")
                .matcher(text)
                .replaceFirst("");
    }

    /** {@code  zebros:<key>: <value>}: group 2 is the value, without a trailing comment. */
    private static Pattern line(String key) {
        return Pattern.compile(
                "(?m)^([ \\t]+zebros:" + Pattern.quote(key) + ":[ \\t]*)([^#\\r\\n]*?)(?=[ \\t]*(#|\\r?$))");
    }

    private static String indentOfFirstEntry(String text, int from) {
        Matcher m = Pattern.compile("(?m)^([ \\t]+)\\S").matcher(text);
        return m.find(from) ? m.group(1) : "  ";
    }
}
