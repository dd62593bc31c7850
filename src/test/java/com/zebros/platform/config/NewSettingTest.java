package com.zebros.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/maintainers.md's "Add a phase setting" as a maintainer would, on a copy of the program: a setting
 * {@code jobQueueRetentionHours} (how long the job queue keeps a message) added in the four places the guide's steps
 * name and nowhere else, the copy compiled, then run in a fresh JVM: the settings reader accepts the key within its
 * bounds and refuses it outside them, every phase has a value, an override changes the planned queue, and the
 * Overrides list of docs/deploy.md, edited as step 4 says, is what ReadmeOverridesTest requires.
 */
class NewSettingTest {
    private static final String KEY = "jobQueueRetentionHours";

    @TempDir
    static Path work;

    private static Properties seen;

    /** The steps of the guide's section: the place each numbered step names first. */
    private static List<String> stepsOfTheGuide() throws IOException {
        String guide = Files.readString(Path.of("docs/maintainers.md"));
        int start = guide.indexOf("## Add a phase setting");
        String section = guide.substring(start, guide.indexOf("\n## ", start + 1));
        List<String> places = new ArrayList<>();
        Matcher step = Pattern.compile("(?m)^\\d+\\. (`([^`]+)`|The component it sizes)")
                .matcher(section);
        while (step.find()) {
            places.add(step.group(2) != null ? step.group(2) : "the component");
        }
        return places;
    }

    /** One edit of a step: {@code anchor} must be in the file exactly once (else the code moved under this test). */
    private static void edit(Path file, String anchor, String replacement) throws IOException {
        String text = Files.readString(file);
        assertEquals(1, text.split(Pattern.quote(anchor), -1).length - 1, file + " holds once: " + anchor);
        Files.writeString(file, text.replace(anchor, replacement));
    }

    @BeforeAll
    static void addTheSettingAsTheGuideSaysCompileAndRun() throws Exception {
        assertEquals(
                List.of("config/PhaseSetting", "config/PhaseDefaults", "the component", "docs/deploy.md"),
                stepsOfTheGuide(),
                "the guide's steps for a setting; this test takes exactly those");
        Path sources = work.resolve("src");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = sources.resolve(Path.of("src/main/java").relativize(file));
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Path config = sources.resolve("com/zebros/platform/config");
        // Step 1: the constant, its key, scope, bounds (SQS keeps a message 60 s to 14 days) and what it sizes.
        edit(
                config.resolve("PhaseSetting.java"),
                "    LOG_RETENTION_DAYS(",
                "    JOB_QUEUE_RETENTION_HOURS(\"" + KEY
                        + "\", Scope.STACK, 1, 336, 1, \"job queue retention in hours\"),\n"
                        + "    LOG_RETENTION_DAYS(");
        // Step 2: its value in every phase.
        edit(
                config.resolve("PhaseDefaults.java"),
                "        v.put(PhaseSetting.LOG_RETENTION_DAYS.key()",
                "        v.put(PhaseSetting.JOB_QUEUE_RETENTION_HOURS.key(), 96.0);\n"
                        + "        v.put(PhaseSetting.LOG_RETENTION_DAYS.key()");
        // Step 3: the component it sizes reads it in its forPhase decision, into a field of its Args.
        Path workflows = sources.resolve("com/zebros/platform/compute/Workflows.java");
        edit(
                workflows,
                "            Map<CrmTable, Double> capacityCeiling) {\n        public Jobs {",
                "            Map<CrmTable, Double> capacityCeiling,\n            int queueRetentionHours) {\n"
                        + "        public Jobs {");
        edit(
                workflows,
                "return new Jobs(sizes, spot, pool, phases.jobTasksPerKind(), ceiling);",
                "return new Jobs(sizes, spot, pool, phases.jobTasksPerKind(), ceiling,"
                        + " phases.intValue(com.zebros.platform.config.PhaseSetting.JOB_QUEUE_RETENTION_HOURS));");
        edit(workflows, ".retainedFor(4 * 24 * 3600)", ".retainedFor(args.jobs().queueRetentionHours() * 3600)");
        // Step 4: its key in docs/deploy.md's Overrides list.
        Path deploy = work.resolve("deploy.md");
        Files.copy(Path.of("docs/deploy.md"), deploy);
        edit(deploy, "`logRetentionDays`", "`" + KEY + "`, `logRetentionDays`");

        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-proc:none",
                "-nowarn",
                "-encoding",
                "UTF-8"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        var errors = new java.io.ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, compiled, "the program with the setting compiles: " + errors);

        Path out = work.resolve("seen.properties");
        StackHarness.runJava(classes, Run.class, work.resolve("child.log"), deploy.toString(), out.toString());
        seen = new Properties();
        try (var in = Files.newBufferedReader(out)) {
            seen.load(in);
        }
    }

    /** What the fresh JVM runs on the changed program: the checks the guide's steps name, and two plans. */
    public static final class Run {
        public static void main(String[] args) throws Exception {
            Map<String, String> seen = new LinkedHashMap<>();
            seen.put(
                    "listed",
                    String.valueOf(ReadmeOverridesTest.accepted()
                            .equals(ReadmeOverridesTest.listed(Files.readString(Path.of(args[0]))))));
            seen.put("accepted", String.valueOf(ReadmeOverridesTest.accepted().contains(KEY)));
            for (int phase = 0; phase <= 3; phase++) {
                seen.put(
                        "default." + phase,
                        String.valueOf(PhaseDefaults.of(phase).get(KEY)));
            }
            seen.put("retention.default", retention(Map.of("phase", "0")));
            seen.put("retention.24", retention(Map.of("phase", "0", "overrides", "[\"" + KEY + "=24\"]")));
            try {
                StackHarness.settings("dev", Map.of("phase", "0", "overrides", "[\"" + KEY + "=400\"]"));
                seen.put("refused", "");
            } catch (RuntimeException e) {
                seen.put("refused", e.getMessage());
            }
            Properties properties = new Properties();
            properties.putAll(seen);
            try (var writer = Files.newBufferedWriter(Path.of(args[1]))) {
                properties.store(writer, null);
            }
            Runtime.getRuntime().halt(0);
        }

        private static String retention(Map<String, String> changes) {
            return StackHarness.plan(StackHarness.settings("dev", changes))
                    .plan()
                    .ofType("aws:sqs/queue:Queue")
                    .stream()
                    .filter(q -> q.name().equals("job-queue"))
                    .map(PlannedResource::inputs)
                    .map(inputs -> String.valueOf(inputs.get("messageRetentionSeconds")))
                    .findFirst()
                    .orElse("none");
        }
    }

    @Test
    void theSettingIsAcceptedListedAndHasAValueInEveryPhase() {
        assertEquals("true", seen.getProperty("accepted"));
        assertEquals("true", seen.getProperty("listed"), "docs/deploy.md's list with step 4's edit is complete");
        for (int phase = 0; phase <= 3; phase++) {
            assertEquals("96.0", seen.getProperty("default." + phase), "phase " + phase);
        }
    }

    @Test
    void itsOverrideChangesThePlannedQueueAndItsDefaultKeepsTodaysPlan() {
        assertEquals("345600", seen.getProperty("retention.default").replace(".0", ""), "96 hours, the queue's today");
        assertEquals("86400", seen.getProperty("retention.24").replace(".0", ""), "24 hours");
    }

    @Test
    void anOverrideOutsideItsBoundsIsRefusedNamingTheKey() {
        String refused = seen.getProperty("refused");
        assertTrue(refused.contains(KEY) && refused.contains("336"), refused);
    }
}
