package com.zebros.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Range;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableCapacityTest {

    @Test
    void phaseZeroIsOnDemandLaterPhasesProvisionTheTablesThePhaseTableScales() {
        assertFalse(TableCapacity.forPhase(PhaseTable.defaults(0)).anyProvisioned());
        TableCapacity phaseOne = TableCapacity.forPhase(PhaseTable.defaults(1));
        for (CrmTable table : CrmTable.values()) {
            assertEquals(table.scaledByPhase(), phaseOne.provisioned(table), table.toString());
        }
        assertTrue(phaseOne.anyProvisioned());
        assertEquals(PhaseTable.defaults(1).tableCapacity(CrmTable.CUSTOMERS), phaseOne.table(CrmTable.CUSTOMERS));
    }

    @Test
    void aTableIsNeverSizedWithoutItsIndexes() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TableCapacity(Map.of(CrmTable.CUSTOMERS, new Range(5, 10)), Map.of(), 70));
    }
}
