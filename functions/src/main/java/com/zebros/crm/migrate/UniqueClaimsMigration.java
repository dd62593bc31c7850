package com.zebros.crm.migrate;

import com.zebros.crm.crm.Entities;
import com.zebros.crm.crm.UniqueClaims;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Claims the e-mail of every contact written before e-mails were unique, once: a scan of the contacts table,
 * page by page, each contact's claim put in a transaction with a check that the contact is still at the version
 * read (so a contact whose e-mail the API changed in between is read again, and the API's own claim stands).
 * Where two old contacts share an e-mail the first one scanned keeps it and the other is counted as a
 * duplicate: it stays as it is, editable, and an upsert by that e-mail finds the first. Customers need no such
 * run: their domain is new, so every one that has it was written with its claim.
 *
 * <p>Checkpointed after each page ({@link CheckpointedScan}); until it is done, an e-mail of an old
 * contact is not yet refused for a new one.
 */
public final class UniqueClaimsMigration {
    public static final String NAME = "contact-email-claims";

    private final Store store;
    private final MigrationState state;
    private final UniqueClaims claims;

    public UniqueClaimsMigration(Store store, MigrationState state) {
        this.store = store;
        this.state = state;
        this.claims = UniqueClaims.of(store, Entities.CONTACT).orElseThrow();
    }

    /** What one run did. */
    public record Run(long scanned, long claimed, long duplicates, boolean done) {}

    /** Goes on from the last checkpoint until the table is done or {@code budget} is spent. */
    public Run run(Duration budget) {
        if (state.isDone(NAME)) {
            return new Run(0, 0, 0, true);
        }
        long[] counts = new long[3];
        boolean done = CheckpointedScan.run(store, state, NAME, Table.CONTACTS, budget, contact -> {
            counts[0]++;
            switch (claim(contact)) {
                case CLAIMED -> counts[1]++;
                case DUPLICATE -> counts[2]++;
                default -> {}
            }
        });
        return new Run(counts[0], counts[1], counts[2], done);
    }

    private enum Outcome {
        CLAIMED,
        DUPLICATE,
        NOTHING
    }

    private Outcome claim(Map<String, AttributeValue> seen) {
        Map<String, AttributeValue> contact = seen;
        for (int attempt = 0; attempt < 5; attempt++) {
            if (!contact.containsKey(claims.field())) {
                return Outcome.NOTHING;
            }
            String tenant = contact.get(Table.TENANT).s();
            String id = contact.get(Table.CONTACTS.idAttribute()).s();
            Optional<String> holder =
                    claims.holder(tenant, contact.get(claims.field()).s());
            if (holder.isPresent()) {
                return holder.get().equals(id) ? Outcome.NOTHING : Outcome.DUPLICATE;
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder()
                    .conditionCheck(ConditionCheck.builder()
                            .tableName(store.name(Table.CONTACTS))
                            .key(Store.key(Table.CONTACTS, tenant, id))
                            .conditionExpression("#v = :seen")
                            .expressionAttributeNames(Map.of("#v", Store.VERSION))
                            .expressionAttributeValues(Map.of(":seen", contact.get(Store.VERSION)))
                            .build())
                    .build());
            writes.addAll(claims.change(tenant, id, Map.of(), contact));
            try {
                store.transactWrite(writes);
                return Outcome.CLAIMED;
            } catch (TransactionCanceledException e) {
                // The contact changed, or another took the e-mail, since the scan: read both again.
                Optional<Map<String, AttributeValue>> now = store.get(Table.CONTACTS, tenant, id);
                if (now.isEmpty()) {
                    return Outcome.NOTHING;
                }
                contact = now.get();
            }
        }
        throw new IllegalStateException(
                "the contact " + seen.get(Table.CONTACTS.idAttribute()).s()
                        + " kept changing under the migration; the next run claims its e-mail");
    }
}
