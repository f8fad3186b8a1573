package org.hotline81890.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.hotline81890.directory.load.AreaLoader;
import org.hotline81890.gateway.workorder.Area;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What residents' words name of the area tree (config/directory/areas.tsv), and what they do not. */
class AreaNamesTest {
    private static final AreaNames NAMES = new AreaNames(AreaLoader.loadDefault());

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "楼道灯坏了，在鼓楼街道孝闻社区 | 海曙区 | 鼓楼街道 | 孝闻社区",
        "古林镇布政社区有人乱倒垃圾     | 海曙区 | 古林镇   | 布政社区",
        "西门街道这边下水道堵了         | 海曙区 | 西门街道 | -",
        "海曙区哪里可以办居住证         | 海曙区 | -        | -",
        "孝闻社区有噪音（没说街道）     | -      | -        | -",
        "水管爆了                       | -      | -        | -"})
    void aTextNamesTheAreasItMentions(String text, String district, String street, String community) {
        Area a = NAMES.in(text);
        assertThat(a.district()).isEqualTo(Optional.ofNullable(district));
        assertThat(a.street()).isEqualTo(Optional.ofNullable(street));
        assertThat(a.community()).isEqualTo(Optional.ofNullable(community));
        assertThat(a.address()).isEmpty();
    }
}
