package com.zebros.platform.tools.baseline;

/** A resource that breaks a rule: which rule, which resource, what is wrong, and the rule's fix. */
public record Violation(String rule, String resource, String problem, String fix) {
    public String describe() {
        return rule + ": " + resource + " " + problem + ". Fix: " + fix;
    }
}
