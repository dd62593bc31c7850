package com.zebros.crm.crm;

import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.ApiException.FieldError;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.migrate.ListKeysMigration;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.store.KeyRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A list endpoint with combined filters, a sort and keyset pagination: {@code ?stage=won&owner=u1}, ranges as
 * {@code expectedCloseDate.gte=2026-01-01&expectedCloseDate.lt=2026-04-01} ({@code gt}, {@code gte}, {@code lt},
 * {@code lte}), {@code sort=amount} or {@code sort=-amount} (descending). The request picks one of its endpoint's
 * {@link ListAccess}es: the filters must be exactly the access's, a range may bound only its sort field. That
 * access's key serves the whole request, so the query reads at most {@code limit} items and never filters after
 * reading; anything else is a 400 that lists what is served.
 */
final class Listing {
    private static final Set<String> OPERATORS = Set.of("gt", "gte", "lt", "lte");

    private final Resource resource;
    private final List<ListAccess> accesses;
    private final MigrationState migrations;
    /** The equality filters of every access, and every query parameter the list takes: fixed by the accesses. */
    private final Set<String> filterNames;

    private final Set<String> parameters;

    Listing(Resource resource, List<ListAccess> accesses, MigrationState migrations) {
        this.resource = resource;
        this.accesses = accesses;
        this.migrations = migrations;
        this.filterNames = filterNames(accesses);
        this.parameters = parameters(accesses, filterNames);
    }

    Response list(Request request) {
        request.allowOnly(parameters);
        String tenant = request.principal().tenantId();
        Map<String, String> filters = new TreeMap<>();
        for (String name : filterNames) {
            request.queryParameter(name).ifPresent(value -> filters.put(name, value));
        }
        Map<String, Map<String, String>> ranges = ranges(request);
        Optional<String> sortParameter = request.queryParameter("sort");
        Optional<String> q = request.queryParameter("q");
        ListAccess access = choose(
                filters.keySet(), ranges.keySet(), sortParameter.map(s -> s.replaceFirst("^-", "")), q.isPresent());
        List<FieldError> errors = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String filter : access.filters()) {
            values.add(normalized(tenant, filter, filters.get(filter), errors));
        }
        KeyRange range = q.map(prefix -> namePrefix(prefix, errors))
                .orElseGet(() -> range(
                        access,
                        ranges.getOrDefault(access.sort(), Map.of()),
                        access.filters().contains("currency")
                                ? values.get(access.filters().indexOf("currency"))
                                : null,
                        errors));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (access.backfilled()
                && !migrations.isDone(ListKeysMigration.name(resource.type().table()))) {
            throw new ApiException(
                    503,
                    "Service Unavailable",
                    "this listing (" + access.describe() + ") is still being "
                            + "built for items written before it existed; it is ready when the hourly migration "
                            + ListKeysMigration.name(resource.type().table()) + " is done",
                    List.of(),
                    Map.of("Retry-After", "300"));
        }
        boolean descending = sortParameter.map(s -> s.startsWith("-")).orElse(access.newestFirst());
        return resource.list(
                request,
                access.index(),
                access.partitionAttribute(),
                ListAccess.partition(tenant, values),
                access.sortAttribute(),
                range,
                descending);
    }

    /** The access that serves exactly these filters, ranges and sort; a 400 listing every served one otherwise. */
    private ListAccess choose(Set<String> filters, Set<String> ranged, Optional<String> sort, boolean prefix) {
        Optional<String> wanted =
                sort.or(() -> ranged.stream().findFirst()).or(() -> prefix ? Optional.of("name") : Optional.empty());
        for (ListAccess access : accesses) {
            boolean sameFilters = new LinkedHashSet<>(access.filters()).equals(filters);
            boolean sorted = wanted.map(access.sort()::equals).orElse(true);
            boolean rangesFit = ranged.isEmpty() || (access.rangeable() && ranged.equals(Set.of(access.sort())));
            if (sameFilters && sorted && rangesFit && (!prefix || access.sort().equals("name"))) {
                return access;
            }
        }
        throw new ApiException(
                400,
                "Bad Request",
                "no index serves "
                        + (filters.isEmpty() ? "no filter" : String.join(" + ", filters))
                        + wanted.map(s -> " sorted by " + s).orElse("")
                        + (ranged.isEmpty() ? "" : " with a range on " + String.join(" and ", ranged))
                        + (prefix ? " with q" : "") + "; this list serves: "
                        + accesses.stream().map(ListAccess::describe).collect(Collectors.joining("; "))
                        + (accesses.stream().anyMatch(a -> a.sort().equals("name"))
                                ? "; q (a name prefix) with a name sort"
                                : ""),
                List.of(),
                Map.of());
    }

    private static Set<String> filterNames(List<ListAccess> accesses) {
        Set<String> names = new LinkedHashSet<>();
        accesses.forEach(a -> names.addAll(a.filters()));
        return Set.copyOf(names);
    }

    /** Every query parameter this list takes. */
    Set<String> parameters() {
        return parameters;
    }

    private static Set<String> parameters(List<ListAccess> accesses, Set<String> filterNames) {
        Set<String> names = new LinkedHashSet<>(filterNames);
        names.addAll(List.of("sort", "limit", "cursor"));
        for (ListAccess access : accesses) {
            if (access.rangeable()) {
                OPERATORS.forEach(op -> names.add(access.sort() + "." + op));
            }
            if (access.sort().equals("name")) {
                names.add("q");
            }
        }
        return Set.copyOf(names);
    }

    /** The range parameters sent, by field: {@code amount.gte=100} is amount → {gte: 100}. */
    private static Map<String, Map<String, String>> ranges(Request request) {
        Map<String, Map<String, String>> ranges = new TreeMap<>();
        request.query().forEach((name, value) -> {
            int dot = name.lastIndexOf('.');
            if (dot > 0 && OPERATORS.contains(name.substring(dot + 1)) && !value.isEmpty()) {
                ranges.computeIfAbsent(name.substring(0, dot), k -> new TreeMap<>())
                        .put(name.substring(dot + 1), value);
            }
        });
        return ranges;
    }

    /** A filter's value as its key holds it, or a problem. */
    private String normalized(String tenant, String filter, String value, List<FieldError> errors) {
        switch (filter) {
            case "stage" -> {
                if (!Field.isId(value)) {
                    errors.add(new FieldError("stage", "must be a stage name"));
                } else {
                    PipelineStages.require(PipelineStages.readForDisplay(resource.store(), tenant), "stage", value);
                }
                return value;
            }
            case "owner" -> {
                if (!Field.isId(value)) {
                    errors.add(new FieldError("owner", "must be a user id: 1 to 64 letters, digits, '-' or '_'"));
                }
                return value;
            }
            case "currency" -> {
                try {
                    return Currency.getInstance(value.toUpperCase(Locale.ROOT)).getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR or USD"));
                    return value;
                }
            }
            case "industry" -> {
                if (value.length() > Entities.INDUSTRY_LENGTH) {
                    errors.add(
                            new FieldError("industry", "must be at most " + Entities.INDUSTRY_LENGTH + " characters"));
                }
                return Entities.industryKey(value);
            }
            default -> throw new IllegalStateException("no normalization for the filter " + filter);
        }
    }

    private static KeyRange namePrefix(String q, List<FieldError> errors) {
        if (q.length() > Entities.NAME_LENGTH) {
            errors.add(new FieldError(
                    "q",
                    "must be at most " + Entities.NAME_LENGTH + " characters, the longest a customer name can be"));
        }
        return KeyRange.prefix(q.toLowerCase(Locale.ROOT).trim());
    }

    /** The bounds sent on the sort field as key prefixes (KeyRange says why each operator's bound is what it is). */
    private static KeyRange range(
            ListAccess access, Map<String, String> bounds, String currency, List<FieldError> errors) {
        String low = null;
        String high = null;
        for (Map.Entry<String, String> bound : bounds.entrySet()) {
            String parameter = access.sort() + "." + bound.getKey();
            Optional<String> encoded = encode(access.sort(), bound.getValue(), currency);
            if (encoded.isEmpty()) {
                errors.add(new FieldError(parameter, expected(access.sort())));
                continue;
            }
            String value = encoded.get();
            switch (bound.getKey()) {
                case "gte" -> low = max(low, value);
                case "gt" -> low = max(low, value + "$");
                case "lte" -> high = min(high, value + "$");
                default -> high = min(high, value);
            }
        }
        return low == null && high == null ? KeyRange.ALL : KeyRange.between(low, high);
    }

    private static String max(String a, String b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private static String min(String a, String b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    /** A bound's value as its sort key's prefix; empty when it is not a value of that field. */
    private static Optional<String> encode(String sort, String value, String currency) {
        try {
            return Optional.of(
                    switch (sort) {
                        case "expectedCloseDate" -> SortKeys.date(value);
                        case "amount" -> currency + "#" + SortKeys.cents(amount(value));
                        default ->
                            SortKeys.instant(
                                    value.length() == 10
                                            ? LocalDate.parse(value)
                                                    .atStartOfDay(ZoneOffset.UTC)
                                                    .toInstant()
                                                    .toString()
                                            : value);
                    });
        } catch (java.time.DateTimeException | ArithmeticException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal amount(String value) {
        BigDecimal amount = new BigDecimal(value);
        if (!Field.isAmount(amount)) {
            throw new NumberFormatException("out of range");
        }
        return amount;
    }

    private static String expected(String sort) {
        return switch (sort) {
            case "expectedCloseDate" -> "must be a date as YYYY-MM-DD";
            case "amount" -> "must be a decimal from 0 to 9999999999999.99 with at most two decimals";
            default ->
                "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z, or a date as YYYY-MM-DD (its start, UTC)";
        };
    }
}
