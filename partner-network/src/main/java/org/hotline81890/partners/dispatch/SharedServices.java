package org.hotline81890.partners.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ServiceCode;

/**
 * Services that providers with different remits share (UT-08 水表电表问题 is served by the water and the power
 * department), told apart by the words of the request: 水表 goes to the water department, 电表 to the power company.
 * A provider's remit is recognised by a marker service only that kind of provider offers (the water department
 * also offers UT-01 自来水报修). A named policy table, listed in the partner docs.
 */
public final class SharedServices {
    /** One kind of provider of a shared service: its label, its marker service and the words that name it. */
    public record Remit(String label, ServiceCode marker, List<String> words) {
        public Remit {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(marker, "marker");
            words = List.copyOf(words);
        }

        boolean namedIn(String text) {
            return words.stream().anyMatch(text::contains);
        }
    }

    /** A shared service: its remits, and the one that takes a request naming none (empty: nobody guesses). */
    public record Shared(ServiceCode service, List<Remit> remits, Optional<String> byDefault) {
        public Shared {
            remits = List.copyOf(remits);
        }

        public String labels() {
            return String.join("/", remits.stream().map(Remit::label).toList());
        }
    }

    public static final SharedServices DEFAULT = new SharedServices(List.of(
            shared("UT-08", null,
                    remit("水表", "UT-01", "水表", "用水量", "水费", "自来水", "水务"),
                    remit("电表", "UT-03", "电表", "用电量", "电费", "度数", "供电", "电力"),
                    remit("燃气表", "UT-04", "燃气表", "气表", "燃气", "煤气", "天然气")),
            shared("UT-07", null,
                    remit("水费", "UT-01", "水费", "交水费", "阶梯水价", "自来水"),
                    remit("电费", "UT-03", "电费", "交电费", "阶梯电价", "电表"),
                    remit("燃气费", "UT-04", "燃气费", "煤气费", "燃气", "煤气", "天然气")),
            shared("MC-04", "施工、商业噪声",
                    remit("施工、商业噪声", "MC-02", "施工", "工地", "装修", "电钻", "电锯", "叫卖", "喇叭", "商铺", "店"),
                    remit("工业噪声", "MC-09", "工厂", "厂里", "厂房", "风机", "机器响", "冷却塔"),
                    remit("社会生活噪声", "CA-02", "邻居", "酒吧", "ktv", "KTV", "唱歌", "喧哗", "打架", "吵架")),
            shared("MC-01", "市政道路",
                    remit("市政道路", "UT-09", "马路", "道路", "人行道", "盲道", "路面"),
                    remit("小区道路", "RE-03", "小区里", "小区内", "小区道路", "物业")),
            shared("ER-04", "治安",
                    remit("治安", "CA-02", "报警", "110", "小偷", "偷东西", "抢劫", "打架", "拿刀", "杀人"),
                    remit("应急", "ER-01", "119", "着火", "起火", "失火", "火灾", "冒烟", "煤气中毒"))));

    private final Map<ServiceCode, Shared> byService;

    public SharedServices(List<Shared> shared) {
        this.byService = Map.copyOf(shared.stream().collect(java.util.stream.Collectors.toMap(Shared::service,
                s -> s)));
    }

    public Optional<Shared> of(ServiceCode service) {
        return Optional.ofNullable(byService.get(service));
    }

    /**
     * The remit the request names: the only one whose words occur in it; else (none or several named) the
     * service's default remit, if it has one; empty when the service is not shared or nobody should guess.
     */
    public Optional<Remit> remit(ServiceCode service, String words) {
        Shared shared = byService.get(service);
        if (shared == null) {
            return Optional.empty();
        }
        List<Remit> named = shared.remits().stream().filter(r -> r.namedIn(words)).toList();
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        return shared.byDefault().flatMap(label -> shared.remits().stream()
                .filter(r -> r.label().equals(label)).findFirst());
    }

    /** The remits a provider of the shared service has (the markers it also offers); empty for a generalist. */
    public static List<Remit> remitsOf(Shared shared, Provider provider) {
        List<Remit> out = new ArrayList<>();
        for (Remit r : shared.remits()) {
            if (provider.provides(r.marker())) {
                out.add(r);
            }
        }
        return out;
    }

    private static Shared shared(String service, String byDefault, Remit... remits) {
        return new Shared(ServiceCode.of(service), List.of(remits), Optional.ofNullable(byDefault));
    }

    private static Remit remit(String label, String marker, String... words) {
        return new Remit(label, ServiceCode.of(marker), List.of(words));
    }
}
