package com.zebros.crm.store;

/**
 * The part of a partition a listing reads, as a condition on its sort key: every key ({@link #ALL}), the keys
 * that begin with a prefix, or the keys from {@code low} to {@code high}, both inclusive, either open. DynamoDB
 * takes one condition on the sort key (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html,
 * KeyConditionExpression), so a range from both ends is one {@code BETWEEN}.
 *
 * <p>Bounds on a value are key prefixes: the keys of value {@code v} are {@code v#<id>} with {@code v} of fixed
 * width, so {@code >= v} is low {@code v}, {@code > v} low {@code v$} ('$' follows '#'), {@code <= v} high
 * {@code v$} and {@code < v} high {@code v}. A range whose low is above its high holds no key ({@link #isEmpty});
 * DynamoDB refuses such a BETWEEN, so it is never sent.
 */
public record KeyRange(String prefix, String low, String high) {
    public static final KeyRange ALL = new KeyRange(null, null, null);

    public KeyRange {
        if (prefix != null && (low != null || high != null)) {
            throw new IllegalArgumentException("a key range is a prefix or bounds, not both");
        }
    }

    public static KeyRange prefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? ALL : new KeyRange(prefix, null, null);
    }

    public static KeyRange between(String low, String high) {
        return new KeyRange(null, low, high);
    }

    /** Whether no key can lie in this range. */
    public boolean isEmpty() {
        return low != null && high != null && low.compareTo(high) > 0;
    }

    /** The key condition on {@code #s} with values {@code :lo}, {@code :hi} or {@code :s}; empty for every key. */
    String condition() {
        if (prefix != null) {
            return "begins_with(#s, :s)";
        }
        if (low != null && high != null) {
            return "#s BETWEEN :lo AND :hi";
        }
        if (low != null) {
            return "#s >= :lo";
        }
        return high != null ? "#s <= :hi" : "";
    }

    /** What the listing's cursor is bound to; for a prefix or every key, what it was before ranges, so those cursors stay valid. */
    String scope() {
        return low == null && high == null ? String.valueOf(prefix) : prefix + "\n" + low + "\n" + high;
    }
}
