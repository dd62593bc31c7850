package com.zebros.crm.crm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One field of an entity's JSON: how it is validated and how it is stored. Validation names the
 * field and says what is wrong, so a 400 tells the client exactly what to fix.
 */
public final class Field {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}");
    /** A host name as DNS allows it (RFC 1123 labels), at least two labels: what a company's web address is under. */
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    enum Kind {
        TEXT,
        EMAIL,
        DOMAIN,
        CHOICE,
        DATE,
        INSTANT,
        MONEY,
        ID
    }

    /** Whether {@code text} is an id as an id field accepts it (letters, digits, '-' and '_', at most 64). */
    /** Whether {@code value} is an amount a money field holds: 0 to 9,999,999,999,999.99, at most two decimals. */
    static boolean isAmount(BigDecimal value) {
        return value.signum() >= 0 && value.scale() <= 2 && value.precision() - value.scale() <= 13;
    }

    static boolean isId(String text) {
        return ID.matcher(text).matches();
    }

    private final String name;
    private final Kind kind;
    private final boolean required;
    private final int maxLength;
    private final Set<String> choices;

    private Field(String name, Kind kind, boolean required, int maxLength, Set<String> choices) {
        this.name = name;
        this.kind = kind;
        this.required = required;
        this.maxLength = maxLength;
        this.choices = choices;
    }

    public static Field text(String name, int maxLength) {
        return new Field(name, Kind.TEXT, false, maxLength, Set.of());
    }

    public static Field email(String name) {
        return new Field(name, Kind.EMAIL, false, 320, Set.of());
    }

    /** A company's internet domain, stored in lower case ("acme.example"): what an upsert of customers is keyed on. */
    public static Field domain(String name) {
        return new Field(name, Kind.DOMAIN, false, 253, Set.of());
    }

    public static Field choice(String name, Set<String> choices) {
        return new Field(name, Kind.CHOICE, false, 64, choices);
    }

    public static Field date(String name) {
        return new Field(name, Kind.DATE, false, 10, Set.of());
    }

    public static Field instant(String name) {
        return new Field(name, Kind.INSTANT, false, 40, Set.of());
    }

    /** A decimal amount with an ISO 4217 currency: {@code {"value": "1250.00", "currency": "EUR"}}. */
    public static Field money(String name) {
        return new Field(name, Kind.MONEY, false, 0, Set.of());
    }

    /** The id of another item (a customer, an owner): letters, digits, '-' and '_'. */
    public static Field id(String name) {
        return new Field(name, Kind.ID, false, 64, Set.of());
    }

    public Field required() {
        return new Field(name, kind, true, maxLength, choices);
    }

    public String name() {
        return name;
    }

    public boolean isRequired() {
        return required;
    }

    /** Adds the stored form of this field of {@code body} to {@code item}, or a problem to {@code errors}. */
    void read(
            JsonObject body,
            Map<String, AttributeValue> item,
            List<com.zebros.crm.http.ApiException.FieldError> errors) {
        JsonElement value = body.get(name);
        if (value == null || value.isJsonNull()) {
            if (required) {
                errors.add(new com.zebros.crm.http.ApiException.FieldError(name, "is required"));
            }
            return;
        }
        String problem = kind == Kind.MONEY ? readMoney(value, item) : readScalar(value, item);
        if (problem != null) {
            errors.add(new com.zebros.crm.http.ApiException.FieldError(name, problem));
        }
    }

    private String readScalar(JsonElement value, Map<String, AttributeValue> item) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return "must be a string";
        }
        String text = value.getAsString().trim();
        if (required && text.isEmpty()) {
            return "must not be empty";
        }
        if (text.length() > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        switch (kind) {
            case EMAIL:
                if (!EMAIL.matcher(text).matches()) {
                    return "must be an e-mail address";
                }
                break;
            case DOMAIN:
                text = text.toLowerCase(java.util.Locale.ROOT);
                if (!DOMAIN.matcher(text).matches()) {
                    return "must be a domain such as acme.example (no scheme, no path)";
                }
                break;
            case CHOICE:
                if (!choices.contains(text)) {
                    return "must be one of " + new java.util.TreeSet<>(choices);
                }
                break;
            case DATE:
                try {
                    SortKeys.date(text);
                } catch (java.time.DateTimeException e) {
                    return "must be a date as YYYY-MM-DD, of the years 0000 to 9999";
                }
                break;
            case INSTANT:
                try {
                    text = Instant.parse(text).toString();
                    SortKeys.instant(text);
                } catch (java.time.DateTimeException e) {
                    return "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z, of the years 0000 to 9999";
                }
                break;
            case ID:
                if (!ID.matcher(text).matches()) {
                    return "must be an id of letters, digits, '-' and '_'";
                }
                break;
            default:
                break;
        }
        if (!text.isEmpty()) {
            item.put(name, AttributeValue.fromS(text));
        }
        return null;
    }

    private String readMoney(JsonElement value, Map<String, AttributeValue> item) {
        if (!value.isJsonObject()) {
            return "must be an object with value and currency";
        }
        JsonObject money = value.getAsJsonObject();
        JsonElement amount = money.get("value");
        JsonElement currency = money.get("currency");
        if (amount == null || !amount.isJsonPrimitive() || currency == null || !currency.isJsonPrimitive()) {
            return "must have a value (decimal string) and a currency (ISO 4217 code)";
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(amount.getAsString());
        } catch (NumberFormatException e) {
            return "value must be a decimal number such as \"1250.00\"";
        }
        if (!isAmount(decimal)) {
            return "value must be between 0 and 9999999999999.99 with at most two decimals";
        }
        try {
            Currency code = Currency.getInstance(currency.getAsString());
            item.put(
                    name,
                    AttributeValue.fromM(Map.of(
                            "value", AttributeValue.fromN(decimal.toPlainString()),
                            "currency", AttributeValue.fromS(code.getCurrencyCode()))));
        } catch (IllegalArgumentException e) {
            return "currency must be an ISO 4217 code such as EUR or USD";
        }
        return null;
    }

    /** The JSON form of this field of a stored item. */
    Object write(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return null;
        }
        if (kind == Kind.MONEY) {
            // In this order always: Map.of iterates in an order that changes from one JVM start to the next.
            Map<String, String> money = new java.util.LinkedHashMap<>();
            money.put(
                    "value",
                    new BigDecimal(value.m().get("value").n()).setScale(2).toPlainString());
            money.put("currency", value.m().get("currency").s());
            return money;
        }
        return value.s();
    }
}
