package org.hotline81890.gateway.channel.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The KPI charts' export ({@link ChartCsv}) as an XLSX workbook: the figures on sheet 指标, the providers' ranking on
 * sheet 服务单位排名; whole numbers are number cells, everything else text (a text cell is never run as a formula, so
 * the CSV's {@code '} guard is dropped).
 */
final class ChartXlsx {
    static final String FIGURES = "指标";
    static final String RANKING = "服务单位排名";
    private static final String RANKING_TITLE = "\r\n" + RANKING + "\r\n";

    private ChartXlsx() {
    }

    static byte[] of(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        int split = text.indexOf(RANKING_TITLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "81890 Hotline", "1.0");
            sheet(wb.newWorksheet(FIGURES), split < 0 ? text : text.substring(0, split));
            if (split >= 0) {
                sheet(wb.newWorksheet(RANKING), text.substring(split + RANKING_TITLE.length()));
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sheet(Worksheet ws, String csv) {
        List<List<String>> rows = rows(csv);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                if (r > 0 && v.matches("-?\\d{1,15}")) {
                    ws.value(r, c, Long.parseLong(v));
                } else if (!v.isEmpty()) {
                    ws.value(r, c, v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0
                            ? v.substring(1) : v);
                }
            }
        }
        ws.freezePane(0, 1);
    }

    /** The rows of {@link ChartCsv}'s text: cells split on commas, quoted cells unquoted, CRLF between rows. */
    static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
