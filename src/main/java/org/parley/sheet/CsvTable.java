package org.parley.sheet;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.parley.validate.Problem;

/**
 * A CSV file as a header and rows of cells (RFC 4180, UTF-8, as LibreOffice and Excel write it; an
 * Excel byte order mark is skipped). Rows are numbered as a spreadsheet shows them: the header is
 * row 1. Reading never throws: what is wrong becomes a problem naming the file and the row.
 */
public final class CsvTable {

    public static final String RULE = "sheet-csv";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** One data row: its spreadsheet row number and its cells (missing trailing cells are ""). */
    public record Row(int number, List<String> cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private final String file;
    private final List<String> header;
    private final List<Row> rows;

    public CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The column's index in this file's header, or -1. */
    public int indexOf(String column) {
        return header.indexOf(column);
    }

    /** {@code file:row:column} for a cell (column counted from 1, as spreadsheets do). */
    public String location(int row, String column) {
        int index = indexOf(column);
        return index < 0 ? file + ":" + row : file + ":" + row + ":" + (index + 1);
    }

    /** The table in bytes, or null with the problems added to the list. */
    public static CsvTable parse(String file, byte[] bytes, List<Problem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            problems.add(Problem.error(file + ":" + firstBadLine(bytes), RULE, "the sheet is not valid UTF-8",
                    "save it as \"CSV UTF-8\" (Excel) or with character set Unicode (UTF-8) (LibreOffice)"));
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                } else {
                    rows.add(new Row((int) record.getRecordNumber(), cells));
                }
            }
        } catch (IOException | UncheckedIOException malformed) {
            problems.add(Problem.error(file + ":" + (rows.size() + (header == null ? 1 : 2)), RULE,
                    "malformed CSV: " + rootMessage(malformed),
                    "a cell that holds a quote mark, comma or line break must be in double quotes, its quote marks doubled"));
            return null;
        }
        if (header == null) {
            problems.add(Problem.error(file + ":1", RULE, "the sheet is empty", "the first row names the columns"));
            return null;
        }
        return new CsvTable(file, header, rows);
    }

    /** The rows as CSV text, header first. */
    public static String write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /** The line of the first byte that is not UTF-8. */
    private static int firstBadLine(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        int bad = result.isError() ? in.position() : bytes.length;
        int line = 1;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
