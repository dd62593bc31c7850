package com.zebros.platform.tools.runbook;

/**
 * One step of a runbook: what it does, the command that does it, the command that verifies it and
 * what that prints when the step worked. Every identifier is already filled in.
 */
public record Step(String title, String command, String verify, String expect) {}
