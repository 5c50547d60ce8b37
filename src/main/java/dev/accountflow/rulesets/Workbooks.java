package dev.accountflow.rulesets;

import dev.accountflow.rules.InvalidCell;
import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.TableColumn;
import dev.accountflow.rules.TableRow;
import dev.accountflow.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A rule table as an Excel workbook: one sheet named after the rule set, a header row of column labels, one row per
 * rule. Reading takes only the data rows, and every cell goes through the same checks as the page.
 */
final class Workbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String NAME = "Name";
    private static final int MAX_BYTES = 2_000_000;
    private static final String VERSION_PROPERTY = "accountflowVersion";

    private Workbooks() {
    }

    /** What an uploaded workbook holds: its rows, and the version it was downloaded from (if it says so). */
    record Upload(List<TableRow> rows, Integer sourceVersion) {
    }

    static byte[] write(RuleTemplate template, List<TableRow> rows, int version) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCustomProperties().addProperty(VERSION_PROPERTY, version);
            Sheet sheet = workbook.createSheet(template.ruleSet());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue(NAME);
            header.getCell(0).setCellStyle(bold);
            sheet.setColumnWidth(0, 60 * 256);
            List<TableColumn> columns = template.columns();
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c + 1);
                cell.setCellValue(columns.get(c).label());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c + 1, (columns.get(c).type() == TableColumn.Type.SENTENCE ? 60 : 16) * 256);
            }
            sheet.createFreezePane(1, 1);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(rows.get(r).name());
                for (int c = 0; c < columns.size(); c++) {
                    TableColumn column = columns.get(c);
                    String value = rows.get(r).cells().get(column.key());
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c + 1);
                    if (column.type() == TableColumn.Type.INTEGER || column.type() == TableColumn.Type.DECIMAL) {
                        cell.setCellValue(new BigDecimal(value).doubleValue());
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data rows of the workbook's sheet; a bad cell refuses the whole file, naming sheet, row and column. */
    static Upload read(RuleTemplate template, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest("Invalid workbook: the upload is empty", "body: is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw ApiException.badRequest("Invalid workbook: larger than 2 MB", "body: larger than 2 MB");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var source = workbook.getProperties().getCustomProperties().getProperty(VERSION_PROPERTY);
            Integer sourceVersion = source != null && source.isSetI4() ? source.getI4() : null;
            Sheet sheet = workbook.getSheet(template.ruleSet());
            if (sheet == null) {
                throw refused("the workbook has no sheet named '" + template.ruleSet() + "'");
            }
            String where = "sheet '" + template.ruleSet() + "'";
            Row header = sheet.getRow(0);
            if (header == null) {
                throw refused(where + ", row 1: the header row (Name and the column labels) is missing");
            }
            Map<Integer, String> keys = new LinkedHashMap<>();
            Map<String, String> letters = new LinkedHashMap<>();
            for (Cell cell : header) {
                String label = text(cell, where, 1).strip();
                if (label.isEmpty()) {
                    continue;
                }
                String key = NAME.equalsIgnoreCase(label) ? NAME : template.columns().stream()
                        .filter(c -> c.label().equalsIgnoreCase(label) || c.key().equalsIgnoreCase(label))
                        .map(TableColumn::key).findFirst()
                        .orElseThrow(() -> refused(where + ", row 1, column " + letter(cell) + ": '"
                                + label + "' is not a column of this table"));
                keys.put(cell.getColumnIndex(), key);
                letters.put(key, letter(cell));
            }
            if (!keys.containsValue(NAME)) {
                throw refused(where + ", row 1: no 'Name' column");
            }
            List<TableRow> rows = new ArrayList<>();
            List<Integer> sheetRows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String name = null;
                Map<String, String> cells = new LinkedHashMap<>();
                boolean blank = true;
                for (var column : keys.entrySet()) {
                    Cell cell = row.getCell(column.getKey());
                    String value = cell == null ? "" : text(cell, where, r + 1);
                    blank &= value.isBlank();
                    if (NAME.equals(column.getValue())) {
                        name = value;
                    } else {
                        cells.put(column.getValue(), value);
                    }
                }
                if (!blank) {
                    rows.add(new TableRow(name, cells));
                    sheetRows.add(r + 1);
                }
            }
            try {
                return new Upload(template.check(rows), sourceVersion);
            } catch (InvalidCell e) {
                int sheetRow = e.getRow() <= sheetRows.size() ? sheetRows.get(e.getRow() - 1) : e.getRow() + 1;
                String key = "name".equals(e.getColumn()) ? NAME : template.columns().stream()
                        .filter(c -> c.label().equals(e.getColumn())).map(TableColumn::key).findFirst().orElse(null);
                String letter = key == null ? null : letters.get(key);
                throw refused(where + ", row " + sheetRow + ", column " + (letter == null ? "" : letter + " ")
                        + "(" + ("name".equals(e.getColumn()) ? NAME : e.getColumn()) + "): " + e.getProblem());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("Invalid workbook: not an .xlsx file Excel saved (" + e.getClass().getSimpleName()
                    + ")", "body: not a readable .xlsx workbook");
        }
    }

    private static String text(Cell cell, String where, int row) {
        CellType type = cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "yes" : "no";
            case BLANK, _NONE -> "";
            case FORMULA, ERROR -> throw refused(where + ", row " + row + ", column " + letter(cell)
                    + ": a formula or error; type the value itself");
        };
    }

    private static String letter(Cell cell) {
        return CellReference.convertNumToColString(cell.getColumnIndex());
    }

    private static ApiException refused(String problem) {
        return ApiException.badRequest("Invalid workbook: " + problem, problem);
    }
}
