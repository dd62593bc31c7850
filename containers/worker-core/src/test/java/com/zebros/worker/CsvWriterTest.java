package com.zebros.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesOnlyWhatNeedsQuotingAndReadsBackTheSame() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        List<String> row = List.of("plain", "with, comma", "with \"quote\"", "two\nlines", "");
        csv.row(row);
        csv.flush();
        assertEquals("plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\",\r\n", out.toString());
        assertEquals(
                row, new CsvReader(new StringReader(out.toString()), 100).next().fields());
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetALeadingApostropheButNumbersDoNot() {
        assertEquals("'=SUM(A1)", CsvWriter.defused("=SUM(A1)"));
        assertEquals("'@cmd", CsvWriter.defused("@cmd"));
        assertEquals("'+cmd|' /C calc'!A0", CsvWriter.defused("+cmd|' /C calc'!A0"));
        assertEquals("'-", CsvWriter.defused("-"));
        assertEquals("+49 30 1234", CsvWriter.defused("+49 30 1234"), "a phone number is data");
        assertEquals("-12.50", CsvWriter.defused("-12.50"));
        assertEquals("Acme", CsvWriter.defused("Acme"));
    }
}
