package com.zebros.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break. A cell a
 * spreadsheet would run as a formula ({@code =}, {@code @}, or {@code +}/{@code -} not starting a
 * number) is written with a leading apostrophe, so an exported name cannot execute in Excel.
 */
public final class CsvWriter {
    private final Writer out;
    private long rows;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(fields.get(i));
            }
            out.write("\r\n");
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(String... fields) {
        row(List.of(fields));
    }

    private void write(String field) throws IOException {
        if (field == null || field.isEmpty()) {
            return;
        }
        String text = defused(field);
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    static String defused(String field) {
        char first = field.charAt(0);
        boolean formula = first == '='
                || first == '@'
                || first == '\t'
                || first == '\r'
                || ((first == '+' || first == '-') && (field.length() == 1 || !startsNumber(field.charAt(1))));
        return formula ? "'" + field : field;
    }

    private static boolean startsNumber(char c) {
        return Character.isDigit(c) || c == ' ' || c == '(' || c == '.';
    }

    /** Rows written, the header included. */
    public long rows() {
        return rows;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
