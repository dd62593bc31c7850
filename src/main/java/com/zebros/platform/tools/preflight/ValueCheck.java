package com.zebros.platform.tools.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one value against one API member's constraint and says, for each rule it breaks, what the
 * rule is. Numbers may arrive as strings and the other way round, as the provider converts them.
 */
final class ValueCheck {
    private ValueCheck() {}

    static List<String> problems(Constraint c, Object value) {
        List<String> problems = new ArrayList<>();
        switch (c.type()) {
            case "string" -> string(c, value, problems);
            case "integer", "long", "double", "float" -> number(c, value, problems);
            case "boolean" -> {
                if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
                    problems.add("must be a boolean");
                }
            }
            case "list", "map" -> {
                int size = value instanceof List<?> l ? l.size() : value instanceof Map<?, ?> m ? m.size() : -1;
                if (size >= 0) {
                    range(c, size, "item count", problems);
                }
            }
            default -> {
                // structures are checked member by member, timestamps and blobs carry no rule we use
            }
        }
        return problems;
    }

    private static void string(Constraint c, Object value, List<String> problems) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problems.add("must be a string");
            return;
        }
        String text =
                value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
        range(c, text.length(), "length", problems);
        if (c.pattern() != null && !c.pattern().matcher(text).find()) {
            problems.add("must match the pattern " + c.pattern().pattern());
        }
        if (!c.enumValues().isEmpty() && !c.enumValues().contains(text)) {
            problems.add("must be one of " + c.enumValues());
        }
        if (c.documentedMax() != null && text.length() > c.documentedMax()) {
            problems.add("must be at most " + c.documentedMax() + " characters (the member's documentation)");
        }
        if (c.charset() != null && !c.charset().matcher(text).matches()) {
            problems.add("may only hold the characters " + c.charset().pattern() + " (the member's documentation)");
        }
    }

    private static void number(Constraint c, Object value, List<String> problems) {
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else {
            try {
                number = Double.parseDouble(String.valueOf(value));
            } catch (NumberFormatException e) {
                problems.add("must be a number");
                return;
            }
        }
        if ((c.type().equals("integer") || c.type().equals("long")) && number != Math.rint(number)) {
            problems.add("must be a whole number");
        }
        range(c, number, "value", problems);
    }

    private static void range(Constraint c, double measured, String what, List<String> problems) {
        if (c.min() != null && measured < c.min()) {
            problems.add(what + " must be at least " + format(c.min()));
        }
        if (c.max() != null && measured > c.max()) {
            problems.add(what + " must be at most " + format(c.max()));
        }
    }

    static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
