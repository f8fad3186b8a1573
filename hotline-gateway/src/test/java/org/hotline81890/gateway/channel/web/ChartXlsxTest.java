package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** The KPI export as a workbook: the CSV's rows read back cell by cell, two sheets, numbers as numbers. */
class ChartXlsxTest {

    @Test
    void rowsShouldUnquoteCellsWithCommasQuotesAndLineBreaks() {
        String csv = ChartCsv.cell("a,b") + "," + ChartCsv.cell("say \"hi\"") + "," + ChartCsv.cell("two\r\nlines")
                + ",7\r\n" + ChartCsv.cell("=1+1") + ",,\r\n";
        assertThat(ChartXlsx.rows(csv)).containsExactly(List.of("a,b", "say \"hi\"", "two\r\nlines", "7"),
                List.of("'=1+1", "", ""));
    }

    @Test
    void theWorkbookShouldHoldTheFiguresAndTheRankingOnTwoSheets() throws IOException {
        String csv = "\uFEFF" + ChartCsv.HEADER + "\r\n受理量,,,,,,5\r\n" + ChartCsv.cell("=cmd") + ",,,,,,1\r\n"
                + "\r\n服务单位排名\r\n" + ChartCsv.SCORECARD_HEADER + "\r\n1,海曙家政,P-1,加盟企业,2\r\n";
        Map<String, String> parts = unzip(ChartXlsx.of(csv));
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"指标\"", "name=\"服务单位排名\"");
        String strings = parts.getOrDefault("xl/sharedStrings.xml", "");
        assertThat(parts.get("xl/worksheets/sheet1.xml")).containsPattern("<c r=\"G2\"[^>]*><v>5</v></c>");
        assertThat(parts.get("xl/worksheets/sheet1.xml") + strings).contains("受理量", "=cmd")
                .doesNotContain("'=cmd");
        assertThat(parts.get("xl/worksheets/sheet2.xml") + strings).contains("海曙家政", "综合分");
    }

    /** The XML's numeric character references (the writer spells every non-ASCII character so) as characters. */
    private static String decode(String xml) {
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        Character.toString(Integer.parseInt(m.group(1), 16))));
    }

    /** The parts of a workbook, read by its central directory as a spreadsheet program does (text decoded). */
    static Map<String, String> unzip(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("kpi-", ".xlsx");
        try {
            Files.write(file, xlsx);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (var in = zip.getInputStream(e)) {
                        parts.put(e.getName(), decode(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            return parts;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
