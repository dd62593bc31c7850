package com.zebros.worker;

import java.util.Map;

/** What a finished job leaves on its item: the key of its file (null when none) and what it counted. */
public record Outcome(String resultKey, Map<String, Object> summary) {}
