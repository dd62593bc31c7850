package com.zebros.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Record> read(String text, int limit) {
        CsvReader reader = new CsvReader(new StringReader(text), limit);
        List<CsvReader.Record> records = new ArrayList<>();
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndNumbersRecordsByTheirFirstLine() {
        List<CsvReader.Record> records = read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n\nlast,,\n", 100);
        assertEquals(3, records.size());
        assertEquals(List.of("a", "b", "c"), records.get(0).fields());
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), records.get(1).fields());
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("last", "", ""), records.get(2).fields());
        assertEquals(5, records.get(2).line(), "the quoted line break and the blank line both count");
        records.forEach(r -> assertNull(r.problem()));
    }

    @Test
    void aFieldOverTheLimitIsReportedAndTheNextRecordIsReadWhole() {
        List<CsvReader.Record> records = read("\"" + "z".repeat(1000) + "\",ok\nnext,row\n", 10);
        assertEquals("field 1 is longer than 10 characters", records.get(0).problem());
        assertEquals(10, records.get(0).fields().get(0).length(), "only the limit is kept in memory");
        assertEquals(List.of("next", "row"), records.get(1).fields());
        assertNull(records.get(1).problem());
    }

    @Test
    void strayQuotesAndUnclosedQuotesAreProblemsNotCrashes() {
        assertEquals(
                "field 2 has a quote inside an unquoted field (quote the field and double the quote)",
                read("a,b\"c\n", 100).get(0).problem());
        assertEquals(
                "field 1 has text after its closing quote",
                read("\"a\"b,c\n", 100).get(0).problem());
        assertEquals(
                "a quoted field is not closed before the end of the file",
                read("a,\"never closed\n", 100).get(0).problem());
    }

    @Test
    void utf8ReadingDropsTheByteOrderMarkAndMarksBytesThatAreNotUtf8() throws Exception {
        byte[] bom = "\uFEFFname\n".getBytes(StandardCharsets.UTF_8);
        CsvReader reader = new CsvReader(Utf8.reader(new ByteArrayInputStream(bom)), 100);
        assertEquals(List.of("name"), reader.next().fields());

        byte[] latin1 = "M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        String field = new CsvReader(Utf8.reader(new ByteArrayInputStream(latin1)), 100)
                .next()
                .fields()
                .get(0);
        assertEquals(true, Utf8.damaged(field));
        assertEquals(false, Utf8.damaged("M\u00fcller"));
    }
}
