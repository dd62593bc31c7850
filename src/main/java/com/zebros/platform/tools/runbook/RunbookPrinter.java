package com.zebros.platform.tools.runbook;

import java.util.List;

/**
 * Numbered steps: what, the regions the step depends on ({@link RegionsTouched}), the command, then how to verify it
 * and what to expect.
 */
public final class RunbookPrinter {
    private RunbookPrinter() {}

    public static String render(String title, List<Step> steps, RegionsTouched regions) {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            out.append(i + 1).append(". ").append(step.title()).append('\n');
            var touched = regions.of(step);
            if (!touched.isEmpty()) {
                out.append("   needs:  ").append(String.join(", ", touched)).append('\n');
            }
            if (!step.command().isEmpty()) {
                out.append("   run:    ").append(step.command()).append('\n');
            }
            if (!step.verify().isEmpty()) {
                out.append("   verify: ").append(step.verify()).append('\n');
                out.append("   expect: ").append(step.expect()).append('\n');
            }
        }
        return out.toString();
    }
}
