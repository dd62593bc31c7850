package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pattern validates its Args, and scales only when its range allows more than one count. */
class LoadBalancedFargateServiceTest {

    private static LoadBalancedFargateService.Args args(Range tasks, double target) {
        return new LoadBalancedFargateService.Args(
                "keycloak",
                "zebros-dev-keycloak",
                new FargatePlacement(null, null, null, null),
                new LoadBalancedFargateService.Balancing(null, "keycloak", 8080, 300, List.of()),
                tasks,
                target);
    }

    @Test
    void aRangeOfOneCountIsNotScaledAWiderOneIs() {
        assertFalse(args(new Range(1, 1), 70).autoScaled());
        assertTrue(args(new Range(0, 4), 70).autoScaled(), "a standby secondary: zero tasks, its range registered");
    }

    @Test
    void anInvertedRangeOrATargetOutsideAPercentageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> args(new Range(3, 2), 70));
        assertThrows(IllegalArgumentException.class, () -> args(new Range(1, 2), 0));
    }
}
