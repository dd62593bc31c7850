package com.zebros.crm.fuzz;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.zebros.crm.auth.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random and adversarial API Gateway proxy events for one route: path parameters of every length and
 * byte class, known, unknown and malformed query parameters, header variants, and bodies of wrong
 * types, deep nesting, huge arrays, duplicate keys and invalid UTF-8, next to valid ones.
 */
final class RequestGenerator {
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final List<String> QUERY_NAMES =
            List.of("limit", "cursor", "q", "stage", "owner", "from", "to", "unknown", "LIMIT", "");
    private static final List<String> ROLES =
            List.of(Principal.ADMIN, Principal.MANAGER, Principal.USER, Principal.READ_ONLY, "crm-superuser");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            "application/json; charset=latin1",
            "multipart/form-data; boundary=x",
            "",
            "*/*");

    private final Random random;
    private final SeededTenant seeded;

    RequestGenerator(Random random, SeededTenant seeded) {
        this.random = random;
        this.seeded = seeded;
    }

    Random random() {
        return random;
    }

    APIGatewayProxyRequestEvent event(String method, String template, String freshTenant) {
        var event = new APIGatewayProxyRequestEvent().withHttpMethod(method);
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(pathParameter()));
        }
        m.appendTail(path);
        event.setPath(path.toString());
        event.setQueryStringParameters(query());
        event.setHeaders(headers(method));
        body(event, method);
        boolean useSeeded = random.nextInt(10) < 3;
        if (random.nextInt(20) > 0) {
            Map<String, Object> authorizer = new HashMap<>();
            authorizer.put("tenantId", useSeeded ? seeded.tenant() : freshTenant);
            authorizer.put("subject", pick(List.of("usr_0000000001", "", "sub-" + random.nextInt(99))));
            authorizer.put("roles", roles());
            var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId(freshTenant);
            context.setAuthorizer(authorizer);
            event.setRequestContext(context);
        }
        return event;
    }

    private String pathParameter() {
        switch (random.nextInt(12)) {
            case 0:
                return pick(seeded.ids());
            case 1:
                return "";
            case 2:
                return "x".repeat(random.nextInt(10_001));
            case 3:
                return "cus_" + "0".repeat(random.nextInt(3_000));
            case 4:
                return "%00";
            case 5:
                return "\u0000\u0001\u001f";
            case 6:
                return "é€😀ß漢字".repeat(1 + random.nextInt(300));
            case 7:
                return "..%2F..%2Fetc";
            case 8:
                return pick(List.of(
                        "cus_0000000000",
                        "con_0000000000",
                        "opp_0000000000",
                        "act_0000000000",
                        "rep_0000000000",
                        "imp_0000000000",
                        "exp_0000000000",
                        "ana_0000000000"));
            case 9:
                return pick(List.of("win-rate", "cycle-time", "pipeline", "unknown-metric", "WIN-RATE"));
            case 10:
                return randomText(1 + random.nextInt(40));
            default:
                return pick(seeded.ids()) + pick(List.of("", "x", " ", "/", "%20"));
        }
    }

    private Map<String, String> query() {
        if (random.nextInt(3) == 0) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            query.put(
                    pick(QUERY_NAMES),
                    pick(List.of(
                            "10",
                            "0",
                            "-1",
                            "1000000",
                            "99999999999999999999",
                            "abc",
                            "",
                            "1.5",
                            "eyJub3QiOiJhIGN1cnNvciJ9",
                            "%00",
                            randomText(random.nextInt(3_000)),
                            "proposal",
                            "won",
                            "usr_0000000001",
                            "2027-01-01")));
        }
        return query;
    }

    private Map<String, String> headers(String method) {
        Map<String, String> headers = new HashMap<>();
        if (random.nextBoolean()) {
            headers.put(pick(List.of("Content-Type", "content-type", "CONTENT-TYPE")), pick(CONTENT_TYPES));
        }
        if (random.nextInt(3) == 0) {
            headers.put(
                    "If-Match",
                    pick(List.of(
                            "*",
                            "\"1\"",
                            "\"0\"",
                            "W/\"1\"",
                            "1",
                            "",
                            "\"" + "9".repeat(40) + "\"",
                            "\"-1\"",
                            "\"1\", \"2\"",
                            randomText(random.nextInt(5_000)))));
        }
        if (random.nextInt(3) == 0 && !method.equals("GET")) {
            headers.put(
                    "Idempotency-Key",
                    pick(List.of(
                            "key-" + random.nextInt(50),
                            "",
                            "k".repeat(10_000),
                            "é€😀",
                            "\u0000",
                            randomText(random.nextInt(300)))));
        }
        return headers;
    }

    private void body(APIGatewayProxyRequestEvent event, String method) {
        int choice = random.nextInt(14);
        if (method.equals("GET") && random.nextBoolean()) {
            return;
        }
        switch (choice) {
            case 0 -> event.setBody(null);
            case 1 -> event.setBody("");
            case 2 -> event.setBody(validBody());
            case 3 ->
                event.setBody(validBody()
                        .replaceFirst(
                                ":\"[^\"]*\"",
                                ":" + pick(List.of("12", "true", "null", "[]", "{}", "\"\"", "1e400", "-0"))));
            case 4 -> event.setBody("[".repeat(1 + random.nextInt(20_000)) + "]".repeat(random.nextInt(3)));
            case 5 ->
                event.setBody(
                        "{\"a\":" + "{\"a\":".repeat(random.nextInt(5_000)) + "1" + "}".repeat(random.nextInt(5_000)));
            case 6 -> event.setBody("{\"name\":[" + "1,".repeat(random.nextInt(60_000)) + "1]}");
            case 7 -> event.setBody("{\"name\":\"a\",\"name\":\"b\",\"email\":\"x@example.com\",\"email\":3}");
            case 8 -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                event.setBody(Base64.getEncoder().encodeToString(bytes));
                event.setIsBase64Encoded(true);
            }
            case 9 -> {
                event.setBody(pick(List.of("not base64!", "====", "AAAA")));
                event.setIsBase64Encoded(true);
            }
            case 10 -> event.setBody(randomText(random.nextInt(2_000)));
            case 11 -> event.setBody("{\"" + "k".repeat(random.nextInt(100_000)) + "\":1}");
            case 12 -> event.setBody("{\"name\":\"" + "n".repeat(random.nextInt(300_000)) + "\"}");
            default ->
                event.setBody(
                        validBody().replace("}", ",\"unknownField\":" + pick(List.of("1", "\"x\"", "[1]")) + "}"));
        }
    }

    private String validBody() {
        String customer = seeded.ids().get(0);
        return pick(List.of(
                "{\"name\":\"Acme\",\"email\":\"info@acme.example\",\"industry\":\"tools\"}",
                "{\"customerId\":\"" + customer + "\",\"firstName\":\"A\",\"lastName\":\"B\"}",
                "{\"customerId\":\"" + customer
                        + "\",\"name\":\"Deal\",\"amount\":{\"value\":\"10.00\",\"currency\":\"EUR\"},"
                        + "\"stage\":\"qualification\",\"expectedCloseDate\":\"2027-02-01\",\"ownerId\":\"usr_0000000001\"}",
                "{\"customerId\":\"" + customer
                        + "\",\"type\":\"note\",\"subject\":\"S\",\"ownerId\":\"usr_0000000001\",\"dueAt\":\"2027-01-01T09:00:00Z\"}",
                "{\"kind\":\"pipeline\"}",
                "{\"entity\":\"customers\"}",
                "{\"metric\":\"win-rate\"}",
                "{\"stage\":\"won\"}",
                "{\"name\":\"Renamed\"}"));
    }

    private String roles() {
        StringBuilder roles = new StringBuilder();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            roles.append(i > 0 ? "," : "").append(pick(ROLES));
        }
        return roles.toString();
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            text.appendCodePoint(
                    kind == 0
                            ? random.nextInt(32)
                            : kind == 1
                                    ? 0x80 + random.nextInt(0x780)
                                    : kind == 2
                                            ? 0x1F600 + random.nextInt(80)
                                            : kind == 3 ? 0xD800 + random.nextInt(0x800) : 32 + random.nextInt(95));
        }
        return text.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
