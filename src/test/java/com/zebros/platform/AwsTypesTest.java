package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Type tokens come from the SDK classes' own annotations: the engine's strings, and nothing for a non-resource. */
class AwsTypesTest {
    @Test
    void tokensAreTheSdkClassesOwn() {
        assertEquals("aws:dynamodb/table:Table", AwsTypes.DYNAMODB_TABLE);
        assertEquals(
                "aws:serverlessrepository/cloudFormationStack:CloudFormationStack",
                AwsTypes.SERVERLESSREPOSITORY_CLOUD_FORMATION_STACK);
        assertThrows(IllegalArgumentException.class, () -> AwsTypes.of(String.class));
    }
}
