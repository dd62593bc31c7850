package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.PhaseTable.ScalingSignal;
import com.zebros.platform.config.Range;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pattern validates its Args before it builds anything. */
class QueueProcessingServiceTest {

    private static QueueProcessingService.Scaling args(Set<ScalingSignal> signals, double target, int backlog) {
        return new QueueProcessingService.Scaling(new Range(1, 3), false, signals, target, backlog);
    }

    @Test
    void aServiceWithoutASignalIsRefused() {
        var refused = assertThrows(IllegalArgumentException.class, () -> args(Set.of(), 70, 10));
        assertTrue(refused.getMessage().contains("at least one signal"), refused.getMessage());
    }

    @Test
    void theTargetIsAPercentageAndTheBacklogNeedsAPositiveDepth() {
        assertThrows(IllegalArgumentException.class, () -> args(Set.of(ScalingSignal.CPU), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> args(Set.of(ScalingSignal.CPU), 120, 10));
        assertThrows(IllegalArgumentException.class, () -> args(Set.of(ScalingSignal.QUEUE_DEPTH), 70, 0));
        assertEquals(
                Set.of(ScalingSignal.CPU),
                args(Set.of(ScalingSignal.CPU), 70, 0).signals(),
                "no backlog depth is needed without the backlog signal");
    }
}
