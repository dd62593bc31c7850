package com.zebros.worker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time, holding one record in memory. A field longer than the
 * limit is not kept: the record comes back with a problem and the reader goes on with the next, so
 * a single 100 MB cell cannot exhaust the worker. Quoted fields may hold commas, quotes ("") and
 * line breaks; a record's number is the line it starts on, as a spreadsheet shows it.
 */
public final class CsvReader {
    /** One record: its fields, the line it starts on, and what is wrong with it (null when nothing is). */
    public record Record(long line, List<String> fields, String problem) {}

    private final Reader in;
    private final int maxFieldLength;
    private long line = 1;
    private int pushedBack = -2;

    public CsvReader(Reader in, int maxFieldLength) {
        this.in = in instanceof java.io.BufferedReader ? in : new java.io.BufferedReader(in, 64 * 1024);
        this.maxFieldLength = maxFieldLength;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Record next() {
        try {
            while (true) {
                int c = read();
                if (c == -1) {
                    return null;
                }
                if (c == '\r' || c == '\n') {
                    endOfLine(c);
                    continue;
                }
                unread(c);
                return record();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Record record() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        boolean quoted = false;
        boolean inQuotes = false;
        boolean afterQuote = false;
        while (true) {
            int c = read();
            if (inQuotes) {
                if (c == -1) {
                    return new Record(
                            start, fields, firstOf(problem, "a quoted field is not closed before the end of the file"));
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        problem = append(field, '"', problem, fields.size());
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                        unread(next);
                    }
                } else if (c == '\r' || c == '\n') {
                    // A line break inside quotes is part of the field, stored as one "\n".
                    endOfLine(c);
                    problem = append(field, '\n', problem, fields.size());
                } else {
                    problem = append(field, (char) c, problem, fields.size());
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
                afterQuote = false;
                continue;
            }
            if (c == -1 || c == '\r' || c == '\n') {
                fields.add(field.toString());
                if (c != -1) {
                    endOfLine(c);
                }
                return new Record(start, fields, problem);
            }
            if (c == '"' && field.length() == 0 && !quoted) {
                quoted = true;
                inQuotes = true;
                continue;
            }
            if (afterQuote) {
                problem = firstOf(problem, "field " + (fields.size() + 1) + " has text after its closing quote");
                afterQuote = false;
            } else if (c == '"') {
                problem = firstOf(
                        problem,
                        "field " + (fields.size() + 1)
                                + " has a quote inside an unquoted field (quote the field and double the quote)");
            }
            problem = append(field, (char) c, problem, fields.size());
        }
    }

    private String append(StringBuilder field, char c, String problem, int index) {
        if (field.length() < maxFieldLength) {
            field.append(c);
            return problem;
        }
        return firstOf(problem, "field " + (index + 1) + " is longer than " + maxFieldLength + " characters");
    }

    private static String firstOf(String problem, String other) {
        return problem != null ? problem : other;
    }

    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                unread(next);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
