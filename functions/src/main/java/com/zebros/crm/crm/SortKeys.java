package com.zebros.crm.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sort keys of the list indexes: a field's value in a form whose string order is the value's order, then
 * {@code #} and the item's id so keys stay unique. Every form is of fixed width, which is what lets a range bound
 * be a key prefix ({@link com.zebros.crm.store.KeyRange}): an instant as {@code 2026-01-02T03:04:05.000000000Z}
 * (an instant as the API stores it drops trailing zeros, so {@code ...05Z} would sort after {@code ...05.5Z}),
 * an amount as 15 digits of cents after its currency.
 */
public final class SortKeys {
    /** The width of an amount's cents: the largest amount, 9,999,999,999,999.99 (Field.money), has 15 digits. */
    private static final int AMOUNT_DIGITS = 15;

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    private SortKeys() {}

    /** An instant of years 0000 to 9999 (Field.instant refuses others), fixed width. */
    public static String instant(String iso) {
        Instant instant = Instant.parse(iso);
        if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
            throw new java.time.DateTimeException("outside the years 0000 to 9999: " + iso);
        }
        return INSTANT.format(instant);
    }

    /** A date of years 0000 to 9999 as YYYY-MM-DD, which is fixed width already. */
    public static String date(String iso) {
        java.time.LocalDate date = java.time.LocalDate.parse(iso);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new java.time.DateTimeException("outside the years 0000 to 9999: " + iso);
        }
        return date.toString();
    }

    /** An amount ({@code {value, currency}}) as its currency and 15 digits of cents: {@code EUR#000000000125000}. */
    public static String amount(AttributeValue money) {
        Map<String, AttributeValue> amount = money.m();
        return amount.get("currency").s() + "#"
                + cents(new BigDecimal(amount.get("value").n()));
    }

    /** The 15 digits of cents of an amount from 0 to 9,999,999,999,999.99. */
    public static String cents(BigDecimal value) {
        return String.format(
                Locale.ROOT, "%0" + AMOUNT_DIGITS + "d", value.movePointRight(2).longValueExact());
    }

    /** {@code value}'s key: the encoded value, {@code #}, the id. */
    static String key(String encoded, String id) {
        return encoded + "#" + id;
    }
}
