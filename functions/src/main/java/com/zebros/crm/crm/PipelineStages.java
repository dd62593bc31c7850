package com.zebros.crm.crm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A tenant's pipeline: its stages in order, each with a win probability and an outcome (open, won, lost), in one
 * item of the jobs table ({@code #settings#stages}); a tenant that never set one has {@link #DEFAULT}, the six
 * stages the CRM always had. An opportunity's stage must be one of its tenant's; the pipeline lists the stages in
 * this order, and the win rate counts the won stages against the lost ones. A stage that opportunities are in is
 * not removed (409 naming it): move them first. The check reads the stage index, so an opportunity written into the
 * stage in the instant before the change can be left in it (it is then listed after the configured stages).
 */
public final class PipelineStages {
    /** How a deal in a stage ends: not yet, won, lost. */
    public enum Outcome {
        OPEN,
        WON,
        LOST
    }

    /** One stage. */
    public record Stage(String name, int probability, Outcome outcome) {}

    public static final List<Stage> DEFAULT = List.of(
            new Stage("prospecting", 10, Outcome.OPEN),
            new Stage("qualification", 20, Outcome.OPEN),
            new Stage("proposal", 50, Outcome.OPEN),
            new Stage("negotiation", 80, Outcome.OPEN),
            new Stage("closed-won", 100, Outcome.WON),
            new Stage("closed-lost", 0, Outcome.LOST));
    static final String ITEM_ID = "#settings#stages";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MOST = 20;

    private final Store store;

    public PipelineStages(Store store) {
        this.store = store;
    }

    /** The tenant's stages (a consistent read: a stage added a moment ago is usable at once). */
    public static List<Stage> read(Store store, String tenant) {
        return store.get(Table.JOBS, tenant, ITEM_ID)
                .map(PipelineStages::stages)
                .orElse(DEFAULT);
    }

    /**
     * The tenant's stages by an eventually consistent read (half the read units): for what only reads them, the
     * pipeline, the win rate, a listing by stage.
     */
    public static List<Stage> readForDisplay(Store store, String tenant) {
        return store.read(Table.JOBS, tenant, ITEM_ID)
                .map(PipelineStages::stages)
                .orElse(DEFAULT);
    }

    /** The stage named {@code name} among {@code stages}, or a 400 naming the field and the stages there are. */
    static Stage require(List<Stage> stages, String field, String name) {
        return stages.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiException.invalid(List.of(new ApiException.FieldError(
                        field,
                        "must be one of this tenant's stages "
                                + stages.stream().map(Stage::name).toList()))));
    }

    /**
     * What is wrong with the stage an opportunity's body sets, against its tenant's stages (one consistent read): none
     * when the body keeps the stored stage or names none, or names no stage an id could be (the field's own check
     * says that).
     */
    static List<ApiException.FieldError> problems(
            Store store, String tenant, JsonObject body, Map<String, AttributeValue> current) {
        JsonElement stage = body.get("stage");
        if (stage == null
                || !stage.isJsonPrimitive()
                || !Field.isId(stage.getAsString())
                || (current.containsKey("stage") && current.get("stage").s().equals(stage.getAsString()))) {
            return List.of();
        }
        try {
            require(read(store, tenant), "stage", stage.getAsString());
            return List.of();
        } catch (ApiException e) {
            return e.errors();
        }
    }

    /** {@code GET /v1/pipeline/stages}. */
    public Response get(Request request) {
        request.allowOnly(Set.of());
        Optional<Map<String, AttributeValue>> item =
                store.get(Table.JOBS, request.principal().tenantId(), ITEM_ID);
        long version = item.map(i -> Long.parseLong(i.get(Store.VERSION).n())).orElse(0L);
        return Response.json(
                200,
                Map.of("stages", json(item.map(PipelineStages::stages).orElse(DEFAULT))),
                Map.of("ETag", "\"" + version + "\""));
    }

    /**
     * {@code PUT /v1/pipeline/stages} (crm-manager, crm-admin): the whole list, in order, at the version read
     * ({@code If-Match}; "0" while the tenant has the default).
     */
    public Response replace(Request request) {
        request.allowOnly(Set.of());
        long expected = Resource.ifMatch(request).orElseThrow(ApiException::preconditionRequired);
        List<Stage> stages = parse(Json.object(request.body()));
        String tenant = request.principal().tenantId();
        List<Stage> current = read(store, tenant);
        Set<String> kept = new HashSet<>();
        stages.forEach(s -> kept.add(s.name()));
        for (Stage removed : current) {
            if (!kept.contains(removed.name())
                    && store.any(Table.OPPORTUNITIES, "byStage", "tenantStage", tenant + "#" + removed.name())) {
                throw ApiException.conflict("opportunities are in the stage " + removed.name()
                        + ": move them to another stage before removing it");
            }
        }
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.JOBS, tenant, ITEM_ID));
        item.put(
                "stages",
                AttributeValue.fromL(stages.stream()
                        .map(s -> AttributeValue.fromM(Map.of(
                                "name",
                                AttributeValue.fromS(s.name()),
                                "probability",
                                AttributeValue.fromN(String.valueOf(s.probability())),
                                "outcome",
                                AttributeValue.fromS(s.outcome().name().toLowerCase(Locale.ROOT)))))
                        .toList()));
        long version;
        if (expected == 0) {
            if (!store.create(Table.JOBS, item)) {
                throw ApiException.preconditionFailed(Long.parseLong(store.get(Table.JOBS, tenant, ITEM_ID)
                        .orElseThrow()
                        .get(Store.VERSION)
                        .n()));
            }
            version = 1;
        } else {
            version = Long.parseLong(
                    store.replace(Table.JOBS, item, expected).get(Store.VERSION).n());
        }
        return Response.json(200, Map.of("stages", json(stages)), Map.of("ETag", "\"" + version + "\""));
    }

    private static List<Stage> parse(JsonObject body) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        JsonElement list = body.get("stages");
        if (body.size() != 1
                || list == null
                || !list.isJsonArray()
                || list.getAsJsonArray().size() < 2
                || list.getAsJsonArray().size() > MOST) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(
                    "stages", "the body is {\"stages\": [...]}, 2 to " + MOST + " stages in order")));
        }
        List<Stage> stages = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.getAsJsonArray().size(); i++) {
            String at = "stages[" + i + "]";
            JsonElement element = list.getAsJsonArray().get(i);
            if (!element.isJsonObject()) {
                errors.add(new ApiException.FieldError(at, "must be {name, probability, outcome}"));
                continue;
            }
            JsonObject stage = element.getAsJsonObject();
            String name = text(stage, "name");
            if (name == null || !NAME.matcher(name).matches()) {
                errors.add(
                        new ApiException.FieldError(at + ".name", "must be 1 to 40 lower-case letters, digits or '-'"));
            } else if (!names.add(name)) {
                errors.add(new ApiException.FieldError(at + ".name", "repeats the stage " + name));
            }
            Integer probability = null;
            try {
                JsonElement p = stage.get("probability");
                probability = p == null || !p.isJsonPrimitive()
                        ? null
                        : p.getAsBigDecimal().intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                probability = null;
            }
            if (probability == null || probability < 0 || probability > 100) {
                errors.add(
                        new ApiException.FieldError(at + ".probability", "must be a whole percentage from 0 to 100"));
            }
            Outcome outcome = null;
            String o = text(stage, "outcome");
            for (Outcome candidate : Outcome.values()) {
                if (candidate.name().toLowerCase(Locale.ROOT).equals(o)) {
                    outcome = candidate;
                }
            }
            if (outcome == null) {
                errors.add(new ApiException.FieldError(at + ".outcome", "must be open, won or lost"));
            }
            for (String member : stage.keySet()) {
                if (!Set.of("name", "probability", "outcome").contains(member)) {
                    errors.add(new ApiException.FieldError(at + "." + member, "is not a member of a stage"));
                }
            }
            if (errors.isEmpty()) {
                stages.add(new Stage(name, probability, outcome));
            }
        }
        if (errors.isEmpty()
                && (stages.stream().noneMatch(s -> s.outcome() == Outcome.WON)
                        || stages.stream().noneMatch(s -> s.outcome() == Outcome.LOST))) {
            errors.add(new ApiException.FieldError(
                    "stages", "needs at least one won and one lost stage (the win rate counts them)"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return stages;
    }

    private static String text(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()
                ? value.getAsString()
                : null;
    }

    static List<Map<String, Object>> json(List<Stage> stages) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Stage stage : stages) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", stage.name());
            s.put("probability", stage.probability());
            s.put("outcome", stage.outcome().name().toLowerCase(Locale.ROOT));
            json.add(s);
        }
        return json;
    }

    private static List<Stage> stages(Map<String, AttributeValue> item) {
        List<Stage> stages = new ArrayList<>();
        for (AttributeValue value : item.get("stages").l()) {
            Map<String, AttributeValue> s = value.m();
            stages.add(new Stage(
                    s.get("name").s(),
                    Integer.parseInt(s.get("probability").n()),
                    Outcome.valueOf(s.get("outcome").s().toUpperCase(Locale.ROOT))));
        }
        return stages;
    }
}
