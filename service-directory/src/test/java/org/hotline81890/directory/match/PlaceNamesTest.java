package org.hotline81890.directory.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.load.AreaLoader;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.load.ExampleLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceNamesTest {
    private static final Directory DIRECTORY = DirectoryLoader.loadDefault();
    private static final TextMatcher KEYWORDS = new TextMatcher(DIRECTORY);
    private static final PlaceNames PLACES = PlaceNames.of(AreaLoader.loadDefault(),
            word -> !KEYWORDS.evidence(word).ranked().isEmpty());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            空调不制冷了，在鼓楼街道孝闻社区                          | 空调不制冷了
            空调不制冷了，海曙区西门街道锦绣花园4幢                   | 空调不制冷了
            空调不制冷了。地址：月湖街道中山西路12号3幢2单元1802室   | 空调不制冷了
            空调不制冷了（万安社区恒隆大厦1-3-802）                  | 空调不制冷了
            空调不制冷了，我住南苑社区                                | 空调不制冷了
            鼓楼街道孝闻社区的，空调不制冷了                          | 空调不制冷了
            我是孝闻社区的居民，空调不制冷了                          | 空调不制冷了
            空调不制冷了，我家在海曙区鼓楼这边                        | 空调不制冷了
            空调不制冷了，宁波市海曙区望春街道清风社区翠湖名都7栋1单元402 | 空调不制冷了
            空调不制冷了，住在锦绣花园                                | 空调不制冷了
            马桶堵了 3幢2单元501室                                    | 马桶堵了
            菜市场门口小贩占道，望春街道金色水岸21幢                  | 菜市场门口小贩占道
            电饭煲坏了（栎社社区金色水岸7-1-1701）                    | 电饭煲坏了
            厨房水管漏水3幢                                           | 厨房水管漏水
            孝闻社区卫生服务中心几点开门                              | 卫生服务中心几点开门
            """)
    void setsThePlaceAsideAndKeepsTheNeed(String text, String need) {
        assertThat(PLACES.setAside(text)).isEqualTo(need);
    }

    /** Names that are also words: the service word stays wherever the text does not say it as a place. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            宁波市民卡丢了怎么补办
            去栎社机场的大巴几点有
            公园里的路灯坏了
            天一广场附近哪里有公共厕所
            中山公园晚上几点关门
            我们一栋楼都停电了
            明天12号上午能来修吗
            住在老旧小区，什么时候加装电梯
            1号线地铁几点停运
            518路公交车改线了吗
            今天2026-12-05几点来
            水管漏了，在卫生间
            在公园这边摔倒了，爬不起来
            """)
    void keepsWordsThatAreNotSaidAsAPlace(String text) {
        assertThat(PLACES.setAside(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            公园里的路灯坏了，在公园社区                 | 公园里的路灯坏了
            去栎社机场的大巴在哪坐，我住栎社社区         | 去栎社机场的大巴在哪坐
            老旧小区改造什么时候开始，白云街道白云社区   | 老旧小区改造什么时候开始
            """)
    void aCommunityNamedLikeAServiceWordGoesOnlyWithItsSuffix(String text, String need) {
        assertThat(PLACES.setAside(text)).isEqualTo(need);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            在鼓楼街道孝闻社区
            海曙区月湖街道锦绣花园3幢
            """)
    void aTextThatIsOnlyAPlaceComesBackEmpty(String text) {
        assertThat(PLACES.setAside(text)).isEmpty();
    }

    /** The examples describe needs: none loses a word, so their cached vectors stay keyed by the same text. */
    @Test
    void noShippedExampleLosesAWord() {
        List<String> changed = ExampleLoader.loadDefault(DIRECTORY).stream().map(LabelledExample::text)
                .map(InputGuard::clean).filter(t -> !PLACES.setAside(t).equals(t))
                .map(t -> t + " -> " + PLACES.setAside(t)).toList();
        assertThat(changed).isEmpty();
    }

    /** {@code match --keywords-only} reads what the whole matcher reads: 栎社社区 is a place, not the airport (0051). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            门锁坏了，在栎社社区                   | 门锁坏了
            马桶堵了，在栎社社区                   | 马桶堵了
            电饭煲坏了（栎社社区金色水岸7-1-1701） | 电饭煲坏了
            """)
    void theKeywordStageAloneSetsPlacesAsideToo(String text, String need) {
        Matcher keywordsOnly = MatcherFiles.keywordsOnly(DIRECTORY, AreaLoader.loadDefault());
        assertThat(KEYWORDS.match(text).topCodes(3)).contains("TT-03");
        assertThat(keywordsOnly.match(text).topCodes(3)).isEqualTo(KEYWORDS.match(need).topCodes(3))
                .doesNotContain("TT-03");
    }
}
