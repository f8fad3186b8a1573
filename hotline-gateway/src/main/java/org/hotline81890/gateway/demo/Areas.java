package org.hotline81890.gateway.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** Where residents live: the sample network's district (海曙区), its streets and communities, and street addresses. */
final class Areas {
    private static final String DISTRICT = "海曙区";
    private static final List<List<String>> STREETS = List.of(
            List.of("南门街道", "南都社区", "尹江社区", "新星社区", "柳西社区"),
            List.of("古林镇", "古林社区", "布政社区", "蜃蛟社区", "西洋港社区"),
            List.of("月湖街道", "天一社区", "郡庙社区", "青石社区"),
            List.of("望春街道", "丽园社区", "望春社区", "清风社区", "联丰社区"),
            List.of("段塘街道", "南苑社区", "段塘社区", "锦苑社区"),
            List.of("江厦街道", "东渡社区", "江厦社区", "海晏社区"),
            List.of("白云街道", "万安社区", "华兴社区", "安丰社区", "白云社区"),
            List.of("石碶街道", "星光社区", "栎社社区", "石碶社区"),
            List.of("西门街道", "常青藤社区", "新芝社区", "望春桥社区", "翠柏社区", "西门社区"),
            List.of("鼓楼街道", "公园社区", "孝闻社区", "秀水社区"));
    private static final List<String> ROADS = List.of("柳汀街", "中山西路", "解放南路", "天一街", "药行街", "县前街",
            "镇明路", "尹江路", "望春路", "环城西路", "高桥路", "古林路", "段塘路", "石碶街", "西河街", "翠柏路",
            "新芝路", "秀水街", "永丰路", "长春路");

    private Areas() {
    }

    /** District, street, community and an address, as a resident gives them. */
    record Place(String district, String street, String community, String address) {
        /** As a resident says or texts it: street and community (the district goes without saying), then the house. */
        String spoken() {
            return street + community + address;
        }
    }

    static Place pick(RandomGenerator random) {
        List<String> street = STREETS.get(random.nextInt(STREETS.size()));
        String community = street.get(1 + random.nextInt(street.size() - 1));
        String address = ROADS.get(random.nextInt(ROADS.size())) + (1 + random.nextInt(300)) + "号"
                + (1 + random.nextInt(8)) + "单元" + (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4));
        return new Place(DISTRICT, street.get(0), community, address);
    }
}
