package dev.accountflow.dataloader;

import dev.accountflow.web.ApiException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * A Data Loader CSV file read one record at a time: UTF-8 (bytes that are not UTF-8 are refused with their line), an
 * optional BOM,
 * a header row, quoted fields with commas, quotes and line breaks, CRLF or LF. A record longer than the limit stops
 * the reading before it fills the memory; a broken file stops it with the line where it broke.
 */
final class CsvRows implements Iterator<CsvRows.Row> {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /** A record of the file: its row number counting the header as row 1, and its fields by column name. */
    record Row(long number, String[] values, Map<String, Integer> columns) {

        /** The field of a column, stripped of surrounding spaces; "" when the column is not in the file. */
        String get(String column) {
            Integer index = columns.get(key(column));
            return index == null || index >= values.length ? "" : values[index].strip();
        }

        boolean has(String column) {
            return columns.containsKey(key(column));
        }
    }

    /** The file cannot be read on from here; the message names the row or line. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final GuardedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final String[] header;
    private final int maxRecordChars;

    CsvRows(InputStream in, int maxRecordChars) {
        this.maxRecordChars = maxRecordChars;
        this.reader = new GuardedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)),
                maxRecordChars);
        try {
            this.parser = CSVParser.parse(reader, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        if (!hasNextRecord()) {
            throw new Unreadable("The file is empty: a Data Loader file starts with a header row naming its columns");
        }
        CSVRecord first = nextRecord();
        header = first.values();
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(key(header[i]), i);
        }
    }

    static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    String[] header() {
        return header.clone();
    }

    Map<String, Integer> columns() {
        return columns;
    }

    @Override
    public boolean hasNext() {
        return hasNextRecord();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = nextRecord();
        return new Row(record.getRecordNumber(), record.values(), columns);
    }

    /** The line the reader has reached (1-based), for problems found while reading. */
    long line() {
        return parser.getCurrentLineNumber() + 1;
    }

    private boolean hasNextRecord() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    private CSVRecord nextRecord() {
        try {
            CSVRecord record = records.next();
            reader.recordDone();
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    private Unreadable unreadable(RuntimeException e) {
        long row = parser.getRecordNumber() + 1;
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof FileTooLarge) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than an import takes; split it"
                    + " into smaller files", List.of("row " + row + ": the file goes on past the size limit"));
        }
        if (cause instanceof RecordTooLong) {
            return new Unreadable(String.format(Locale.ROOT, "row %d: longer than %,d characters; a field holds at most"
                    + " the size of a Salesforce long text field (a quote that is never closed reads this way too)",
                    row, maxRecordChars));
        }
        if (cause instanceof NotUtf8 notUtf8) {
            return new Unreadable("line " + notUtf8.line + ": the file is not UTF-8 text (save or export it as UTF-8)");
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new Unreadable("row " + row + ": a quoted field is never closed (unterminated quote); the file ends"
                    + " inside it");
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return new Unreadable("line " + line() + " (row " + row + "): text after a closing quote; a quote inside a"
                    + " quoted field is written twice (\"\")");
        }
        return new Unreadable("line " + line() + " (row " + row + "): the file cannot be read as CSV");
    }

    /** Read past the limit of one record: reading stops before a huge field fills the memory. */
    static final class RecordTooLong extends IOException {
        RecordTooLong() {
            super("record too long");
        }
    }

    /** Bytes that are not UTF-8, on the given line. */
    static final class NotUtf8 extends IOException {
        final long line;

        NotUtf8(long line) {
            super("not UTF-8 on line " + line);
            this.line = line;
        }
    }

    /** Drops a leading BOM and counts the characters handed out since the last complete record. */
    private static final class GuardedReader extends FilterReader {

        private final long limit;
        private long sinceRecord;
        private long lineBreaks;
        private boolean started;

        GuardedReader(Reader in, long maxRecordChars) {
            super(in);
            // the parser reads ahead in blocks: what it holds of the next record counts toward this one
            this.limit = maxRecordChars + 16_384L;
        }

        void recordDone() {
            sinceRecord = 0;
        }


        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (!started && n > 0) {
                started = true;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buffer, offset, length);
                    }
                }
            }
            if (n > 0) {
                for (int i = offset; i < offset + n; i++) {
                    if (buffer[i] == '\n') {
                        lineBreaks++;
                    } else if (buffer[i] == '\uFFFD') {
                        // the decoder's mark for bytes that are not UTF-8
                        throw new NotUtf8(lineBreaks + 1);
                    }
                }
                sinceRecord += n;
                if (sinceRecord > limit) {
                    throw new RecordTooLong();
                }
            }
            return n;
        }
    }
}
