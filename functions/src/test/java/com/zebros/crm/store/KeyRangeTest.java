package com.zebros.crm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A key range's condition and the scope its cursors carry. A prefix, or every key, scopes a cursor exactly as the
 * listing did before ranges existed (the prefix, or "null"), so a cursor handed out then still fits its listing.
 */
class KeyRangeTest {

    @Test
    void aPrefixOrEveryKeyScopesCursorsAsBeforeRanges() {
        assertEquals("null", KeyRange.ALL.scope());
        assertEquals("null", KeyRange.prefix(null).scope());
        assertEquals("null", KeyRange.prefix("").scope(), "an empty prefix is every key");
        assertEquals("acme", KeyRange.prefix("acme").scope());
        assertEquals(
                "null\n2027-01-01\nnull", KeyRange.between("2027-01-01", null).scope());
    }

    @Test
    void eachRangeIsOneConditionOnTheSortKey() {
        assertEquals("", KeyRange.ALL.condition());
        assertEquals("begins_with(#s, :s)", KeyRange.prefix("a").condition());
        assertEquals("#s BETWEEN :lo AND :hi", KeyRange.between("a", "b").condition());
        assertEquals("#s >= :lo", KeyRange.between("a", null).condition());
        assertEquals("#s <= :hi", KeyRange.between(null, "b").condition());
        assertTrue(KeyRange.between("b", "a").isEmpty(), "a low above its high holds no key");
        assertFalse(KeyRange.between("a", "a").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new KeyRange("p", "a", null));
    }
}
