package com.zebros.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The phase table's keys are the enum's: each default belongs to a setting, and each setting is used. */
class PhaseSettingTest {

    @Test
    void everyKeyOfEveryPhaseBelongsToASettingAndEverySettingHasAKeyInSomePhase() {
        Set<PhaseSetting> used = EnumSet.noneOf(PhaseSetting.class);
        for (int phase = PhaseTable.MIN_PHASE; phase <= PhaseTable.MAX_PHASE; phase++) {
            for (String key : PhaseTable.defaults(phase).values().keySet()) {
                PhaseSetting setting = PhaseSetting.ofKey(key);
                used.add(setting);
                assertTrue(key.equals(setting.family()) || key.startsWith(setting.family() + "."), key);
            }
        }
        assertEquals(EnumSet.allOf(PhaseSetting.class), used, "a setting no phase has is dead");
    }

    @Test
    void aKeyIsBuiltOnlyForItsOwnScope() {
        assertEquals("lambdaMemoryMb.reporting", PhaseSetting.LAMBDA_MEMORY_MB.key(FunctionGroup.REPORTING));
        assertEquals("natGateways", PhaseSetting.NAT_GATEWAYS.key());
        var wrongScope = assertThrows(IllegalArgumentException.class, () -> PhaseSetting.LAMBDA_MEMORY_MB.key());
        assertTrue(wrongScope.getMessage().contains("per FUNCTION_GROUP"), wrongScope.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PhaseSetting.ofKey("lambdaMemory.reporting"));
    }

    @Test
    void theBoundsOfAKeyAreItsSettings() {
        Setting memory = PhaseDefaults.setting("lambdaMemoryMb.reporting");
        assertEquals("must be between 128 and 32768", memory.problemWith(64));
        assertEquals(
                "must be a multiple of 0.5",
                PhaseDefaults.setting("auroraMinAcu").problemWith(0.7));
    }
}
