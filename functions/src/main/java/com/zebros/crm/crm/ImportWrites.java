package com.zebros.crm.crm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.cache.ItemCache;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CSV import's writes, through the batch route's own path ({@link Batch}): each chunk of at most 100 rows is a
 * batch of creates or upserts under an Idempotency-Key of the import and the chunk, so an imported row is validated,
 * checked against its customer, claims its unique value, writes its history entry (and so its webhook event) exactly
 * as a row sent to {@code POST /v1/{customers,contacts}/batch} would. A chunk sent again (an attempt after a crash)
 * is answered from its first answer while the key is kept (24 hours), and after that by the ids the key gave its
 * creates, which find the items written: no row is written twice.
 */
public final class ImportWrites {
    /** The most rows a chunk holds: a batch's most records. */
    public static final int CHUNK = Batch.MAX_RECORDS;

    private final Batch batch;
    private final String path;

    public ImportWrites(Store store, EntityType type, Clock clock) {
        this.batch = new Batch(new Resource(type, store, ItemCache.NONE, clock), new Idempotency(store, clock));
        this.path = "/v1/" + type.table().id() + "/batch";
    }

    /** One row's result: its status, the item's id when written, and its problems when refused. */
    public record Row(int status, Optional<String> id, String detail, List<ApiException.FieldError> errors) {
        public boolean written() {
            return status < 300;
        }
    }

    /** A chunk's rows' results, and whether they are an earlier attempt's answer. */
    public record Chunk(List<Row> rows, boolean replayed) {}

    /**
     * Writes {@code records} (each row as the JSON body the API would get) in {@code mode} ("create" or "upsert") as
     * {@code principal}, under {@code key}. A refusal of the whole chunk (a 409 while an earlier attempt still holds
     * the key, a 503 of the data store) is thrown as the API would answer it.
     */
    public Chunk write(Principal principal, String key, String mode, List<JsonObject> records) {
        JsonObject body = new JsonObject();
        body.addProperty("mode", mode.toLowerCase(Locale.ROOT));
        JsonArray rows = new JsonArray();
        records.forEach(rows::add);
        body.add("records", rows);
        Response answer = batch.handle(new Request(
                "POST", path, Map.of(), Map.of(), Map.of("Idempotency-Key", key), body.toString(), principal, key));
        if (answer.status() != 200) {
            // A replayed refusal of the whole batch: answered as it was the first time.
            JsonObject problem = JsonParser.parseString(answer.body()).getAsJsonObject();
            throw new ApiException(
                    answer.status(),
                    problem.get("title").getAsString(),
                    problem.get("detail").getAsString(),
                    List.of(),
                    Map.of());
        }
        List<Row> results = new ArrayList<>();
        for (JsonElement element :
                JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("results")) {
            results.add(row(element.getAsJsonObject()));
        }
        return new Chunk(results, "true".equals(answer.headers().get("Idempotent-Replayed")));
    }

    private static Row row(JsonObject result) {
        int status = result.get("status").getAsInt();
        if (status < 300) {
            return new Row(
                    status, Optional.of(result.getAsJsonObject("item").get("id").getAsString()), "", List.of());
        }
        JsonObject problem = result.getAsJsonObject("problem");
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (problem.has("errors")) {
            problem.getAsJsonArray("errors")
                    .forEach(e -> errors.add(new ApiException.FieldError(
                            e.getAsJsonObject().get("field").getAsString(),
                            e.getAsJsonObject().get("message").getAsString())));
        }
        return new Row(status, Optional.empty(), problem.get("detail").getAsString(), errors);
    }
}
