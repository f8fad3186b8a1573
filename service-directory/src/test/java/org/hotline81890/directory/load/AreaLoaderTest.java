package org.hotline81890.directory.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline81890.directory.AreaTree;
import org.junit.jupiter.api.Test;

class AreaLoaderTest {
    private final AreaTree areas = AreaLoader.loadDefault();

    @Test
    void theShippedTreeHasTheSampleDistrictsTenStreetsEachWithCommunitiesAndGrids() {
        assertThat(areas.districts()).extracting(AreaTree.Node::name).containsExactly("海曙区");
        AreaTree.Node district = areas.districts().get(0);
        assertThat(district.children()).hasSize(10);
        assertThat(district.children()).allSatisfy(street -> assertThat(street.children()).allSatisfy(
                community -> assertThat(community.children()).isNotEmpty()));
    }

    @Test
    void knowsAPathDownFromTheDistrictAndRefusesOneThatSkipsOrInventsALevel() {
        assertThat(areas.knows(List.of("海曙区", "鼓楼街道", "中山社区", "第一网格"))).isTrue();
        assertThat(areas.knows(List.of("海曙区", "鼓楼街道"))).isTrue();
        assertThat(areas.knows(List.of("海曙区", "鼓楼街道", "天一社区"))).isFalse();
        assertThat(areas.knows(List.of("江北区"))).isFalse();
    }
}
