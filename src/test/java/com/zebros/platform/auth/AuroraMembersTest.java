package com.zebros.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuroraMembersTest {

    @Test
    void theWriterComesFirstInTheFirstZoneAndEachReaderInTheNext() {
        assertEquals(List.of(new AuroraMembers.Member("writer", "auth-1", 0, 0)), AuroraMembers.of(0));
        assertEquals(
                List.of(
                        new AuroraMembers.Member("writer", "auth-1", 0, 0),
                        new AuroraMembers.Member("reader-1", "auth-2", 1, 1),
                        new AuroraMembers.Member("reader-2", "auth-3", 2, 1)),
                AuroraMembers.of(2));
    }

    @Test
    void onlyTheWriterHasPromotionTierZero() {
        assertEquals(
                1,
                AuroraMembers.of(3).stream()
                        .filter(AuroraMembers.Member::isWriter)
                        .count());
    }
}
