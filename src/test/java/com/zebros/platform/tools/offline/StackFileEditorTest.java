package com.zebros.platform.tools.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StackFileEditorTest {

    @Test
    void changesOnlyTheValueKeepingCommentsAndLineEndings() {
        String text = "# header\r\nconfig:\r\n  zebros:phase: 0 # the phase\r\n  zebros:role: primary\r\n";
        assertEquals(
                "# header\r\nconfig:\r\n  zebros:phase: 1 # the phase\r\n  zebros:role: primary\r\n",
                StackFileEditor.set(text, "phase", "1"));
    }

    @Test
    void addsAMissingKeyUnderConfigWithTheFilesIndent() {
        String text = "config:\n    zebros:region: us-east-1\n";
        assertEquals(
                "config:\n    zebros:phase: 2\n    zebros:region: us-east-1\n",
                StackFileEditor.set(text, "phase", "2"));
    }

    @Test
    void removesAKeyAndItsLineOnly() {
        String text = "config:\n  zebros:phase: 3\n  zebros:redisClusterMode: compatible\n  zebros:role: standalone\n";
        assertEquals(
                "config:\n  zebros:phase: 3\n  zebros:role: standalone\n",
                StackFileEditor.remove(text, "redisClusterMode"));
    }
}
