package com.zebros.platform.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * The instances of the auth cluster as data: the writer in the first zone, then each reader in the
 * next zone, a failover target inside the region (promotion tier 1 after the writer's 0:
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html).
 */
final class AuroraMembers {
    private AuroraMembers() {}

    /**
     * One instance.
     *
     * @param suffix        the resource name after the component's, e.g. {@code writer}
     * @param identifier    the instance identifier before the stack's regional naming, e.g. {@code auth-1}
     * @param zone          the index of its availability zone
     * @param promotionTier 0 for the writer, 1 for the readers
     */
    record Member(String suffix, String identifier, int zone, int promotionTier) {
        boolean isWriter() {
            return promotionTier == 0;
        }
    }

    /** The writer and {@code readers} readers, in the order they are created. */
    static List<Member> of(int readers) {
        List<Member> members = new ArrayList<>();
        members.add(new Member("writer", "auth-1", 0, 0));
        for (int i = 1; i <= readers; i++) {
            members.add(new Member("reader-" + i, "auth-" + (i + 1), i, 1));
        }
        return List.copyOf(members);
    }
}
