package org.hotline81890.partners.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ServiceCode;

class ProviderCsvImporterTest {
    private static final String HEADER =
            "id,kind,name,services,coverage,hours,capacity,webhook_url,webhook_secret,sms,portal_login,status,rating";
    private static final String GOOD =
            "P-1,PARTNER_COMPANY,好帮手家政,HK-01;HK-02,海曙区/南门街道,\"MON-FRI 08:30-17:30; SAT,SUN 09:00-12:00\",5,"
            + "https://p1.example/hook,0123456789abcdef0123,13800001111,p001,ACTIVE,4.5";
    private final ProviderCsvImporter importer = new ProviderCsvImporter(ServiceCatalog.of(Map.of(
            ServiceCode.of("HK-01"), "partner", ServiceCode.of("HK-02"), "partner",
            ServiceCode.of("UT-01"), "government", ServiceCode.of("VL-01"), "volunteer")));

    @Test
    void goodFileShouldParseEveryField() {
        ImportResult result = importer.parse("# comment\n" + HEADER + "\n" + GOOD + "\n\n"
                + "V-1,volunteer_team,柳西义剪队,VL-01,海曙区/南门街道/柳西社区,SAT 09:00-11:00,2,,,,v001,active,\n");
        assertThat(result).isInstanceOf(ImportResult.Valid.class);
        List<Provider> providers = ((ImportResult.Valid) result).providers();
        assertThat(providers).hasSize(2);
        Provider p = providers.get(0);
        assertThat(p.services()).containsExactlyInAnyOrder(ServiceCode.of("HK-01"), ServiceCode.of("HK-02"));
        assertThat(p.hours().weekly()).hasSize(7);
        assertThat(p.contact().webhook()).isPresent();
        assertThat(p.contact().sms().orElseThrow().masked()).isEqualTo("138****1111");
        assertThat(providers.get(1).kind()).isEqualTo(ProviderKind.VOLUNTEER_TEAM);
        assertThat(providers.get(1).rating().stars()).isEqualTo(3.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad id            | p 1,PARTNER_COMPANY,N,HK-01,海曙区,24h,1,,,13800001111,,ACTIVE,4   | id",
        "bad kind          | P-1,COMPANY,N,HK-01,海曙区,24h,1,,,13800001111,,ACTIVE,4         | kind",
        "empty name        | P-1,PARTNER_COMPANY,,HK-01,海曙区,24h,1,,,13800001111,,ACTIVE,4  | name",
        "bad service code  | P-1,PARTNER_COMPANY,N,HK1,海曙区,24h,1,,,13800001111,,ACTIVE,4   | services",
        "unknown service   | P-1,PARTNER_COMPANY,N,HK-09,海曙区,24h,1,,,13800001111,,ACTIVE,4 | services",
        "wrong kind        | P-1,PARTNER_COMPANY,N,UT-01,海曙区,24h,1,,,13800001111,,ACTIVE,4 | services",
        "empty coverage    | P-1,PARTNER_COMPANY,N,HK-01,,24h,1,,,13800001111,,ACTIVE,4       | coverage",
        "bad hours         | P-1,PARTNER_COMPANY,N,HK-01,海曙区,MON 9-5,1,,,13800001111,,ACTIVE,4 | hours",
        "bad day           | P-1,PARTNER_COMPANY,N,HK-01,海曙区,XYZ 09:00-17:00,1,,,13800001111,,ACTIVE,4 | hours",
        "zero capacity     | P-1,PARTNER_COMPANY,N,HK-01,海曙区,24h,0,,,13800001111,,ACTIVE,4   | capacity",
        "capacity text     | P-1,PARTNER_COMPANY,N,HK-01,海曙区,24h,many,,,13800001111,,ACTIVE,4 | capacity",
        "url without secret| P-1,PARTNER_COMPANY,N,HK-01,海曙区,24h,1,https://a.example,,13800001111,,ACTIVE,4 | webhook_url",
        "short secret      | P-1,PARTNER_COMPANY,N,HK-01,海曙区,24h,1,https://a.example,short,13800001111,,ACTIVE,4 | webhook_url",
        "bad sms           | P-1,PARTNER_COMPANY,N,HK-01,海曙区,24h,1,,,12ab,,ACTIVE,4        | sms",
        "no channel        | P-1,PARTNER_COMPANY,N,HK-01,海曙区,24h,1,,,,,ACTIVE,4            | portal_login",
        "bad status        | P-1,PARTNER_COMPANY,N,HK-01,海曙区,24h,1,,,13800001111,,GONE,4   | status",
        "rating too high   | P-1,PARTNER_COMPANY,N,HK-01,海曙区,24h,1,,,13800001111,,ACTIVE,6 | rating",
    })
    void badFieldShouldBeReportedWithLineAndColumn(String name, String row, String column) {
        ImportResult result = importer.parse(HEADER + "\n" + GOOD + "\n" + row + "\n");
        assertThat(result).isInstanceOfSatisfying(ImportResult.Invalid.class, invalid -> {
            assertThat(invalid.errors()).hasSize(1);
            ImportResult.RowError error = invalid.errors().get(0);
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.column()).isEqualTo(column);
            assertThat(error.reason()).isNotBlank();
        });
    }

    @Test
    void everyBadRowShouldBeReportedAndNothingImported() {
        String csv = String.join("\n", HEADER, GOOD,
                "P-2,PARTNER_COMPANY,N,HK-01,海曙区,24h,1,,,13800001111,,ACTIVE",
                GOOD.replace("P-1", "P-3"),
                "# a comment line still counts",
                GOOD,
                "P-4,PARTNER_COMPANY,N,HK-01,海曙区,24h,0,,,bad,,ACTIVE,4",
                "P-5,\"unclosed,PARTNER_COMPANY");
        ImportResult result = importer.parse(csv);
        assertThat(result).isInstanceOfSatisfying(ImportResult.Invalid.class, invalid -> assertThat(invalid.errors())
                .extracting(ImportResult.RowError::toString).containsExactly(
                        "line 3: expected 13 columns, found 12",
                        "line 6, id: duplicate id P-1 (first on line 2)",
                        "line 7, capacity: capacity must be 1..10000 jobs at once, got 0",
                        "line 7, sms: phone number must be 7..15 digits, got ***",
                        "line 8: unclosed quote"));
    }

    @Test
    void wrongHeaderOrEmptyFileShouldBeRefused() {
        assertThat(importer.parse("id,name\n" + GOOD)).isInstanceOfSatisfying(ImportResult.Invalid.class,
                i -> assertThat(i.errors().get(0).reason()).startsWith("header must be exactly: id,kind,name"));
        assertThat(importer.parse("\n# only comments\n")).isInstanceOf(ImportResult.Invalid.class);
        assertThat(importer.parse(HEADER + "\n")).isInstanceOf(ImportResult.Invalid.class);
    }
}
