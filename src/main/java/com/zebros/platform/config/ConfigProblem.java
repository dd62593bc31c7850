package com.zebros.platform.config;

/**
 * One thing wrong with a stack's config: the key, the value found, what is allowed and the command
 * that fixes it.
 */
public record ConfigProblem(String key, String found, String allowed, String fix) {

    public String describe() {
        return key + ": found " + found + "; allowed: " + allowed + ". Fix: " + fix;
    }
}
