package com.zebros.crm.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A write made alongside an item's (a uniqueness claim) whose condition failed, so the transaction wrote
 * nothing: which of the alongside writes it was, and the item its condition found. The caller that built the
 * alongside writes knows what each one means and turns this into the answer.
 */
public final class AlongsideRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final transient Map<String, AttributeValue> found;

    public AlongsideRefused(int index, Map<String, AttributeValue> found) {
        super("alongside write " + index + " was refused by its condition");
        this.index = index;
        this.found = Map.copyOf(found);
    }

    /** Its position in the alongside list the write was given. */
    public int index() {
        return index;
    }

    public Map<String, AttributeValue> found() {
        return found;
    }
}
