package com.zebros.platform.config;

import static com.zebros.platform.config.FunctionGroup.ANALYTICS;
import static com.zebros.platform.config.FunctionGroup.CUSTOMERS;
import static com.zebros.platform.config.FunctionGroup.NOTIFICATION;
import static com.zebros.platform.config.FunctionGroup.REPORTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.PhaseTable.CacheMode;
import com.zebros.platform.config.PhaseTable.ScalingSignal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The phase table docs/phases.md documents ("The phase table as the program holds it"), row by row. */
class PhaseTableTest {
    private static final PhaseTable P0 = PhaseTable.defaults(0);
    private static final PhaseTable P1 = PhaseTable.defaults(1);
    private static final PhaseTable P2 = PhaseTable.defaults(2);
    private static final PhaseTable P3 = PhaseTable.defaults(3);

    /** The seeds' budget: what the functions that serve requests and events reserve (the hourly signals function is apart). */
    private static int reservedTotal(PhaseTable table) {
        return Arrays.stream(FunctionGroup.values())
                .filter(g -> !table.usesProvisionedConcurrency(g))
                .filter(g -> g.kind() != FunctionGroup.Kind.COORDINATION)
                .mapToInt(table::reservedConcurrency)
                .sum();
    }

    @Test
    void lambdaMemoryRow() {
        for (FunctionGroup g : FunctionGroup.values()) {
            if (g.kind() == FunctionGroup.Kind.COORDINATION) {
                for (PhaseTable p : new PhaseTable[] {P0, P1, P2, P3}) {
                    assertEquals(256, p.lambdaMemoryMb(g), "the seeds' coordination functions: 256 MB in every phase");
                    assertEquals(1, p.reservedConcurrency(g), "an hourly function needs one environment");
                }
                continue;
            }
            assertEquals(128, P0.lambdaMemoryMb(g), "phase 0: 128 MB all");
            assertEquals(256, P1.lambdaMemoryMb(g), "phase 1: 256 MB all");
        }
        assertEquals(512, P2.lambdaMemoryMb(CUSTOMERS));
        assertEquals(1024, P2.lambdaMemoryMb(REPORTING));
        assertEquals(1024, P2.lambdaMemoryMb(ANALYTICS));
        assertEquals(128, P2.lambdaMemoryMb(NOTIFICATION));
        for (FunctionGroup g : new FunctionGroup[] {
            CUSTOMERS, FunctionGroup.CONTACTS, FunctionGroup.OPPORTUNITIES, FunctionGroup.ACTIVITIES
        }) {
            assertEquals(256, P3.lambdaMemoryMb(g), "phase 3: " + g + " 256 MB");
        }
        assertEquals(1024, P3.lambdaMemoryMb(REPORTING));
        assertEquals(3072, P3.lambdaMemoryMb(ANALYTICS));
        assertEquals(128, P3.lambdaMemoryMb(NOTIFICATION));
    }

    @Test
    void lambdaConcurrencyRow() {
        assertEquals(100, reservedTotal(P0), "phase 0: 100 reserved in all");
        assertEquals(200, reservedTotal(P1), "phase 1: 200 reserved in all");
        for (FunctionGroup g : FunctionGroup.values()) {
            assertFalse(P2.usesProvisionedConcurrency(g), "phase 2 reserves per function");
            assertTrue(P2.reservedConcurrency(g) > 0);
            boolean api = g.kind() == FunctionGroup.Kind.API;
            assertEquals(api, P3.usesProvisionedConcurrency(g), "phase 3: provisioned on the API functions only");
        }
        assertTrue(
                reservedTotal(P2) <= 900,
                "phase 2 leaves 100 of the default 1,000 unreserved (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html)");
    }

    @Test
    void fargateWorkerRow() {
        assertEquals(new TaskSize(256, 512), P0.workerTaskSize(WorkerKind.REPORT), "phase 0: 0.25 vCPU / 0.5 GB");
        assertEquals(new Range(1, 1), P0.workerTasks());
        assertEquals(new Range(1, 3), P1.workerTasks());
        assertEquals(new Range(2, 10), P2.workerTasks());
        assertEquals(new TaskSize(512, 1024), P3.workerTaskSize(WorkerKind.REPORT));
        assertTrue(P3.workerOnSpot(WorkerKind.REPORT), "phase 3 reports run on Fargate Spot");
        assertFalse(P3.workerOnSpot(WorkerKind.IMPORT));
        assertEquals(new TaskSize(1024, 2048), P3.workerTaskSize(WorkerKind.IMPORT));
        assertEquals(new TaskSize(1024, 2048), P3.workerTaskSize(WorkerKind.EXPORT));
        assertEquals(new TaskSize(4096, 8192), P3.workerTaskSize(WorkerKind.ANALYTICS));
    }

    @Test
    void workerScalingSignalsRow() {
        assertEquals(Set.of(), P0.workerScalingSignals());
        assertEquals(
                Set.of(ScalingSignal.CPU, ScalingSignal.QUEUE_DEPTH),
                P1.workerScalingSignals(),
                "report queue > 10 adds tasks as soon as the pool exists");
        assertEquals(10, P1.queueDepthPerTask());
        Set<ScalingSignal> all = Set.of(ScalingSignal.CPU, ScalingSignal.MEMORY, ScalingSignal.QUEUE_DEPTH);
        assertEquals(all, P2.workerScalingSignals());
        assertEquals(all, P3.workerScalingSignals());
        assertEquals(10, P2.queueDepthPerTask(), "queue depth > 10");
        assertEquals(70, P1.scalingTargetPercent(), "CPU 70 %");
    }

    @Test
    void keycloakRow() {
        assertEquals(new Range(1, 1), P0.keycloakTasks());
        assertEquals(new Range(1, 2), P1.keycloakTasks());
        assertEquals(new Range(2, 5), P2.keycloakTasks());
        assertEquals(new Range(3, 10), P3.keycloakTasks());
        assertEquals(
                new TaskSize(256, 1024),
                P0.keycloakTaskSize(),
                "phase 0: 0.25 vCPU / 1 GB, one task (the seed's 0.5 GB leaves Keycloak no headroom: KeycloakTokenTest)");
    }

    @Test
    void dynamoRow() {
        assertFalse(P0.dynamoProvisioned(), "phase 0: on-demand");
        assertTrue(P1.dynamoProvisioned());
        assertEquals(new Range(25, 100), P1.tableCapacity(CrmTable.CUSTOMERS));
        assertEquals(new Range(50, 200), P1.tableCapacity(CrmTable.CONTACTS));
        assertEquals(new Range(25, 100), P1.tableCapacity(CrmTable.OPPORTUNITIES));
        assertEquals(new Range(100, 400), P1.tableCapacity(CrmTable.ACTIVITIES));
        assertEquals(70, P1.scalingTargetPercent(), "auto-scaling at 70 %");
        assertFalse(P1.has(Feature.DAX));
        assertTrue(P2.has(Feature.DAX), "phase 2: + DAX");
        assertEquals(3, P3.daxNodes(), "phase 3: DAX across 3 AZs");
    }

    @Test
    void auroraRow() {
        assertEquals(new Range(1, 2), P0.auroraAcu());
        assertEquals(new Range(2, 4), P1.auroraAcu());
        assertEquals(0, P1.auroraReaders());
        assertEquals(1, P2.auroraReaders(), "phase 2: writer + reader");
        assertTrue(P3.auroraAcu().max() > P2.auroraAcu().max(), "phase 3: larger ceiling");
    }

    @Test
    void cacheEdgeAndS3Rows() {
        assertEquals(CacheMode.NONE, P0.cacheMode());
        assertEquals(CacheMode.NONE, P1.cacheMode());
        assertEquals(CacheMode.REPLICATION_GROUP, P2.cacheMode());
        assertEquals(2, P2.redisNodes(), "phase 2: Redis, 2 nodes");
        assertEquals(CacheMode.CLUSTER, P3.cacheMode());
        assertFalse(P1.has(Feature.CUSTOM_API_DOMAIN_AND_WAF));
        assertTrue(P2.has(Feature.CUSTOM_API_DOMAIN_AND_WAF));
        assertFalse(P2.has(Feature.CLOUDFRONT));
        assertTrue(P3.has(Feature.CLOUDFRONT));
        assertFalse(P1.s3Lifecycle());
        assertTrue(P2.s3Lifecycle());
        assertFalse(P2.s3IntelligentTiering());
        assertTrue(P3.s3IntelligentTiering());
    }

    @Test
    void everyDefaultIsASettingAwsAccepts() {
        for (int phase = 0; phase <= 3; phase++) {
            assertEquals(
                    java.util.List.of(),
                    PhaseTable.problemsWith(phase, Map.of()),
                    "phase " + phase + " defaults must pass their own checks");
        }
    }

    @Test
    void aSettingOfAnotherPhaseCannotBeOverridden() {
        var problems = PhaseTable.problemsWith(0, Map.of("daxNodes", 3.0));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("daxNodes is not a setting of phase 0"), problems.get(0));
    }
}
