package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.cache.SessionCache;
import com.zebros.platform.compute.CrmFunction;
import com.zebros.platform.compute.QueueProcessingService;
import com.zebros.platform.compute.Workflows;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.PhaseTable.ScalingSignal;
import com.zebros.platform.config.Range;
import com.zebros.platform.config.WorkerKind;
import com.zebros.platform.data.Dax;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.edge.RestApi;
import com.zebros.platform.network.Network;
import com.zebros.platform.ops.Alarms;
import com.zebros.platform.support.StackHarness;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The static decisions that turn a phase into a component's Args, each against the seeds' phase table (README) and
 * each record's refusal of what AWS would not take: the small pure functions the composition root calls.
 */
class PhaseDecidersTest {
    private static PhaseTable phase(int phase) {
        return PhaseTable.defaults(phase);
    }

    @Test
    void theNetworkHasANatInstanceUntilPhaseTwoThenAGatewayPerZone() {
        var early = Network.Args.of(StackHarness.settings("dev", Map.of("phase", "1")));
        var grown = Network.Args.of(StackHarness.settings("dev", Map.of("phase", "2")));
        assertEquals(0, early.natGateways());
        assertEquals(StackContext.ZONE_COUNT, grown.natGateways());
        assertEquals(StackHarness.settings("dev").vpcCidr(), early.vpcCidr());
        assertThrows(IllegalArgumentException.class, () -> new Network.Args("192.168.0.0/16", 0));
    }

    @Test
    void daxSpreadsOverThreeZonesOnMemoryOptimisedNodesInPhaseThree() {
        assertEquals(new Dax.Size("dax.t3.small", 2), Dax.Size.forPhase(phase(2)));
        assertEquals(new Dax.Size("dax.r5.large", 3), Dax.Size.forPhase(phase(3)));
        assertThrows(IllegalArgumentException.class, () -> new Dax.Size("dax.t3.small", 11));
    }

    @Test
    void redisGoesIntoClusterModeThroughTheCompatibleStep() {
        Network network = null; // the network is wiring, not a decision: the layout does not depend on it
        var two = SessionCache.Args.of(StackHarness.settings("dev", Map.of("phase", "2")), network);
        assertEquals("disabled", two.layout().clusterMode());
        assertEquals("zebros/dev/redis-auth", two.tokenSecretName());
        var three = SessionCache.Args.of(StackHarness.settings("dev", Map.of("phase", "3")), network);
        assertTrue(three.layout().clustered());
        var step = SessionCache.Args.of(
                StackHarness.settings("dev", Map.of("phase", "3", "redisClusterMode", "compatible")), network);
        assertEquals(new SessionCache.Layout("compatible", 2, 0), step.layout());
    }

    @Test
    void reportsGetAPoolFromPhaseOneAndSpotAndTiersInPhaseThree() {
        var zero = Workflows.Jobs.forPhase(phase(0));
        assertTrue(zero.reportPool().isEmpty(), "phase 0 runs one task per job");
        assertEquals(Set.of(), zero.onSpot());
        var one = Workflows.Jobs.forPhase(phase(1));
        assertTrue(one.reportPool().isPresent());
        var three = Workflows.Jobs.forPhase(phase(3));
        assertEquals(Set.of(WorkerKind.REPORT), three.onSpot());
        assertEquals(EnumSet.allOf(WorkerKind.class), three.taskSizes().keySet());
        assertTrue(
                three.taskSizes().get(WorkerKind.ANALYTICS).memoryMb()
                        > three.taskSizes().get(WorkerKind.REPORT).memoryMb(),
                "phase 3 sizes each kind on its own");
    }

    @Test
    void thePoolScalesOnCpuAndBacklogFromPhaseOneAndOnMemoryFromPhaseTwo() {
        var one = QueueProcessingService.Scaling.forReports(phase(1));
        assertEquals(EnumSet.of(ScalingSignal.CPU, ScalingSignal.QUEUE_DEPTH), one.signals());
        assertTrue(one.backlogPerTask() > 0);
        assertTrue(QueueProcessingService.Scaling.forReports(phase(2)).signals().contains(ScalingSignal.MEMORY));
        assertFalse(one.spot());
        assertTrue(QueueProcessingService.Scaling.forReports(phase(3)).spot());
    }

    @Test
    void apiFunctionsTradeTheirReservationForProvisionedConcurrencyInPhaseThree() {
        var two = CrmFunction.Size.forPhase(FunctionGroup.CUSTOMERS, phase(2), "functions.jar");
        assertEquals(80, two.reserved());
        assertTrue(two.provisioned().isEmpty());
        var three = CrmFunction.Size.forPhase(FunctionGroup.CUSTOMERS, phase(3), "functions.jar");
        assertEquals(0, three.reserved());
        assertEquals(new Range(2, 50), three.provisioned().orElseThrow());
        var reporting = CrmFunction.Size.forPhase(FunctionGroup.REPORTING, phase(3), "functions.jar");
        assertTrue(reporting.provisioned().isEmpty(), "only the API groups are provisioned");
        assertThrows(
                IllegalArgumentException.class,
                () -> new CrmFunction.Size(100, 1, java.util.Optional.empty(), 70, "functions.jar"));
    }

    @Test
    void theStageIsThrottledAtThePhasesRateAndRefusesWhatApiGatewayWouldNot() {
        var throttling = RestApi.Throttling.forPhase(phase(2));
        assertEquals(phase(2).apiRateLimit(), throttling.ratePerSecond());
        assertEquals(phase(2).apiBurstLimit(), throttling.burst());
        assertThrows(IllegalArgumentException.class, () -> new RestApi.Throttling(100, 6000));
    }

    @Test
    void filesTierFromPhaseTwoAndMoveByAccessPatternInPhaseThree() {
        assertEquals(new FileStore.Args(java.util.Set.of()), FileStore.Args.forPhase(phase(1)));
        assertEquals(new FileStore.Args(java.util.Set.of(FileStore.Tiering.BY_AGE)), FileStore.Args.forPhase(phase(2)));
        assertEquals(
                new FileStore.Args(java.util.Set.of(FileStore.Tiering.BY_AGE, FileStore.Tiering.BY_ACCESS)),
                FileStore.Args.forPhase(phase(3)));
    }

    @Test
    void alarmsWatchEveryReservationAndTheNextPhasesBandUntilTheLast() {
        var zero = Alarms.Thresholds.forPhase(phase(0));
        assertEquals(1, zero.nextBand().orElseThrow().phase());
        assertEquals(FunctionGroup.values().length, zero.reservations().size());
        var three = Alarms.Thresholds.forPhase(phase(3));
        assertTrue(three.nextBand().isEmpty(), "phase 3 is the last");
        assertFalse(three.reservations().containsKey(FunctionGroup.CUSTOMERS), "provisioned, not reserved");
        assertTrue(three.reservations().containsKey(FunctionGroup.REPORTING));
    }
}
