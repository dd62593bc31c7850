package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.crm.Entities;
import com.zebros.crm.crm.UniqueClaims;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.migrate.UniqueClaimsMigration;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Contacts written before e-mails were unique get their claims, a page at a time, while the API writes. */
class UniqueClaimsMigrationTest {
    private static final String TENANT = "legacy";

    /** A contact as the API stored it before claims: no claim of its e-mail. */
    private static void legacyContact(Store store, String id, String email) {
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.CONTACTS, TENANT, id));
        item.put("customerId", AttributeValue.fromS("cus_legacy"));
        item.put("firstName", AttributeValue.fromS("Old"));
        item.put("lastName", AttributeValue.fromS(id));
        if (email != null) {
            item.put("email", AttributeValue.fromS(email));
        }
        item.put(Store.VERSION, AttributeValue.fromN("1"));
        store.client().putItem(b -> b.tableName(store.name(Table.CONTACTS)).item(item));
    }

    @Test
    void oldContactsAreClaimedOnceAndADuplicateKeepsItsEmailButNotTheClaim() {
        try (ServiceOnLocalDynamo api = new ServiceOnLocalDynamo().migrated()) {
            Store store = api.store;
            for (int i = 0; i < 250; i++) {
                legacyContact(
                        store, "con_" + String.format("%032d", i), i % 50 == 0 ? null : "person" + i + "@old.example");
            }
            legacyContact(store, "con_dup_a", "twin@old.example");
            legacyContact(store, "con_dup_b", "TWIN@old.example");
            var created = api.call(TENANT, "POST", "/v1/customers", Map.of(), "{\"name\":\"Legacy\"}");
            String customer = com.google.gson.JsonParser.parseString(created.body())
                    .getAsJsonObject()
                    .get("id")
                    .getAsString();
            assertEquals(
                    201,
                    api.call(
                                    TENANT,
                                    "POST",
                                    "/v1/customers/" + customer + "/contacts",
                                    Map.of(),
                                    "{\"firstName\":\"Before\",\"lastName\":\"Migration\",\"email\":\"person7@old.example\"}")
                            .status(),
                    "until the migration claims it, an old contact's e-mail is not refused");

            MigrationState state = new MigrationState(store);
            UniqueClaimsMigration migration = new UniqueClaimsMigration(store, state);
            var first = migration.run(Duration.ZERO);
            assertEquals(false, first.done(), "a run with no time left stops after one page and checkpoints");
            assertEquals(100, first.scanned());
            var rest = migration.run(Duration.ofMinutes(1));
            assertTrue(rest.done());
            long contacts = 250 + 2 + 1;
            assertEquals(contacts, first.scanned() + rest.scanned());
            assertEquals(
                    2,
                    first.duplicates() + rest.duplicates(),
                    "the twin scanned second, and the old person7, whose e-mail the API's new contact claimed first");
            assertEquals(
                    244 + 1,
                    first.claimed() + rest.claimed(),
                    "245 old contacts of 250 have an e-mail, less person7's, which the API's new contact holds; one twin");

            UniqueClaims claims = UniqueClaims.of(store, Entities.CONTACT).orElseThrow();
            assertTrue(Set.of("con_dup_a", "con_dup_b")
                    .contains(claims.holder(TENANT, "twin@old.example").orElseThrow()));
            assertEquals(
                    "con_" + String.format("%032d", 3),
                    claims.holder(TENANT, "Person3@old.example").orElseThrow());
            var refused = api.call(
                    TENANT,
                    "POST",
                    "/v1/customers/" + customer + "/contacts",
                    Map.of(),
                    "{\"firstName\":\"New\",\"lastName\":\"Copy\",\"email\":\"person3@old.example\"}");
            assertEquals(409, refused.status(), refused.body());
            assertEquals(
                    List.of("/v1/contacts/con_" + String.format("%032d", 3)),
                    List.of(refused.headers().get("Location")));
            assertEquals(
                    new UniqueClaimsMigration.Run(0, 0, 0, true),
                    migration.run(Duration.ofMinutes(1)),
                    "done: one read");
        }
    }
}
