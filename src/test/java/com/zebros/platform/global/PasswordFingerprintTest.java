package com.zebros.platform.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.InvalidStackConfigException;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.OfflinePlanner;
import org.junit.jupiter.api.Test;

/** prod-eu must hold prod-us's database password; the primary's fingerprint lets it check without seeing it. */
class PasswordFingerprintTest {

    @Test
    void theFingerprintIsStableSaltedByTheDomainAndRevealsNothing() {
        String a = PasswordFingerprint.of("Db-Secret-7f3a9c2e51", "crm.zebros.example");
        assertEquals(a, PasswordFingerprint.of("Db-Secret-7f3a9c2e51", "crm.zebros.example"));
        assertNotEquals(a, PasswordFingerprint.of("Db-Secret-7f3a9c2e52", "crm.zebros.example"));
        assertNotEquals(a, PasswordFingerprint.of("Db-Secret-7f3a9c2e51", "other.example"));
        assertFalse(a.contains("Db-Secret"));
    }

    @Test
    void thePrimaryExportsItAndTheSecondaryWithAnotherPasswordRefusesNamingTheCopyCommand() {
        var primary = StackHarness.rawPlan("prod-us", 0);
        assertTrue(String.valueOf(primary.outputs().get(PasswordFingerprint.OUTPUT))
                .startsWith("pbkdf2-sha256:"));
        var secondary =
                StackHarness.settings("prod-eu", StackHarness.changes("dbMasterPassword", "Another-password-123"));
        var e = assertThrows(
                InvalidStackConfigException.class, () -> OfflinePlanner.plan(secondary, primary.outputs()));
        assertTrue(
                e.getMessage().contains("zebros:dbMasterPassword")
                        && e.getMessage()
                                .contains("pulumi config cp zebros:dbMasterPassword --stack prod-us --dest prod-eu"),
                e.getMessage());
    }
}
