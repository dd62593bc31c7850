package com.zebros.platform.tools.preflight;

import com.zebros.platform.tools.offline.Plan;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A rule AWS enforces that its API model does not state: its id, the page it comes from, and the
 * check that adds a finding for each input of a plan that breaks it.
 */
record DocumentedRule(String id, String source, BiConsumer<Plan, List<Finding>> check) {}
