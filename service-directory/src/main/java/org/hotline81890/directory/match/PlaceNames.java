package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hotline81890.directory.AreaTree;

/**
 * Where a text says the job is, set aside before matching (ADR 0044): residents end a text with "，在鼓楼街道孝闻社区"
 * or "海曙区月湖街道xx小区3幢", and those words (社区, 小区, 花园, a street's name) pulled the matcher towards the
 * community and estate services. The area stays in the text the gateway reads ({@code AreaNames}); the matcher sees
 * the need.
 * <ul>
 *   <li>the area tree's full names (district, street with 街道 or 镇, community with 社区), alone or in a run, with
 *       宁波市 or 浙江省 before them, anywhere in the text (宁波市民卡 keeps 市民卡: the city only goes before a tree
 *       name);</li>
 *   <li>building, unit and room numbers (3幢2单元501室, 7栋, 1-2-301, a road's 12号), anywhere;</li>
 *   <li>a clause that held such a place and has nothing left but location words (在, 我住, 我家在, 地址, 这边,
 *       附近 …), a short tree name (鼓楼, 孝闻) or an estate's or road's name (锦绣花园, 中山西路) is dropped whole;
 *       a short name or an estate's name alone after 在 / 我住 is dropped only when no service word is in it
 *       ({@code saysService}: 栎社 is also the airport, 老旧小区 the renovation service).</li>
 * </ul>
 * Everything else stays as written. Thread-safe.
 */
public final class PlaceNames {
    private static final String DIGITS = "[0-9０-９]+";
    private static final String NUM = "[0-9０-９一二三四五六七八九十百零〇]+";
    /** 3幢2单元501室, 12号楼, 1-2-301, 中山西路12号; a Chinese numeral only before 号楼 or 单元 (一栋楼 is a need). */
    private static final Pattern NUMBERS = Pattern.compile("(?:" + DIGITS + "(?:幢|栋|座)|" + NUM + "号楼)(?:" + NUM
            + "单元)?(?:" + DIGITS + "(?:室|号)?)?|" + NUM + "单元(?:" + DIGITS + "室?)?|[0-9]{3,4}室"
            + "|(?<![0-9-])[0-9]{1,3}-[0-9]{1,2}-[0-9]{3,4}(?![0-9-])室?|(?<=[路街巷弄])" + DIGITS + "(?:号|弄)院?");
    private static final Pattern CLAUSE_END = Pattern.compile("[，,。;；!！?？、（）()【】\\[\\]：:\\s]+");
    private static final Pattern LEAD = Pattern.compile("^(?:我是|我们?家?|家)?(?:住在|住|就在|在|位于|地址是?|位置|地点)?");
    private static final Pattern TAIL = Pattern.compile("(?:这边|那边|这里|那里|这块|那块|附近|一带|旁边|的)?(?:的?居民)?$");
    /** An estate's name: 锦绣花园, 南塘新村, 怡江苑 (政府, 家里 and 屋里 are not). */
    private static final Pattern ESTATE = Pattern.compile("\\p{IsHan}{2,6}(?:小区|花园|家园|新村|公寓|大厦|名都|苑)");
    /** A road's or a place's name, said only next to a number or a tree name: 中山西路 (12号), 西洋港村. */
    private static final Pattern ROAD = Pattern.compile("\\p{IsHan}{2,6}(?:路|街|巷|弄|里|村|城|湾|广场|大楼)");

    /** A name with no telling suffix, taken only before a building number and only when it is no service word. */
    private static final Pattern NAME = Pattern.compile("\\p{IsHan}{2,6}");

    private final Pattern full;
    private final Set<String> shortNames;
    private final Predicate<String> saysService;

    private PlaceNames(Pattern full, Set<String> shortNames, Predicate<String> saysService) {
        this.full = full;
        this.shortNames = shortNames;
        this.saysService = saysService;
    }

    /** The names of {@code tree}; {@code saysService} tells whether a word is a service word (the keyword stage). */
    public static PlaceNames of(AreaTree tree, Predicate<String> saysService) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> shorts = new LinkedHashSet<>();
        for (AreaTree.Node district : tree.districts()) {
            names.add(district.name());
            shorts.add(district.name().replaceAll("(区|县|市)$", ""));
            for (AreaTree.Node street : district.children()) {
                names.add(street.name());
                shorts.add(street.name().replaceAll("(街道|镇|乡)$", ""));
                for (AreaTree.Node community : street.children()) {
                    names.add(community.name());
                    shorts.add(community.name().replaceAll("(社区|村)$", ""));
                }
            }
        }
        names.addAll(tree.districts().stream().map(d -> d.name().replaceAll("(区|县)$", ""))
                .filter(s -> s.length() >= 2).toList());
        shorts.removeIf(s -> s.length() < 2);
        String alternatives = names.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        Pattern full = Pattern.compile("(?:浙江省?)?(?:宁波市?)?(?:" + alternatives + ")+");
        return new PlaceNames(full, Set.copyOf(shorts), saysService);
    }

    /** The text without the places it names; a text that is nothing but a place comes back empty. */
    public String setAside(String text) {
        List<String> parts = new ArrayList<>();
        Matcher ends = CLAUSE_END.matcher(text);
        int start = 0;
        while (ends.find()) {
            parts.add(text.substring(start, ends.start()));
            parts.add(ends.group());
            start = ends.end();
        }
        parts.add(text.substring(start));
        boolean changed = false;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < parts.size(); i += 2) {
            String clause = parts.get(i);
            String kept = clause(clause);
            changed |= !kept.equals(clause);
            if (!kept.isEmpty()) {
                out.append(kept);
                if (i + 1 < parts.size()) {
                    out.append(parts.get(i + 1));
                }
            }
        }
        return changed ? tidy(out.toString()) : text;
    }

    /** One clause without its places, or empty when it only said where. */
    private String clause(String clause) {
        String rest = full.matcher(clause).replaceAll("");
        boolean named = rest.length() < clause.length();
        String numbered = NUMBERS.matcher(rest).replaceAll("");
        boolean numbers = numbered.length() < rest.length();
        String unled = LEAD.matcher(numbered).replaceFirst("");
        String core = TAIL.matcher(unled).replaceFirst("");
        boolean led = unled.length() < numbered.length();
        boolean tailed = core.length() < unled.length();
        if (core.isEmpty() && (named || numbers || led && isLocationOnly(numbered))) {
            return "";
        }
        boolean estate = ESTATE.matcher(core).matches();
        if ((named || numbers) && (estate || shortNames.contains(core) || ROAD.matcher(core).matches())) {
            return "";
        }
        if (numbers && NAME.matcher(core).matches() && !saysService.test(core)) {
            return ""; // 金色水岸 7-1-1701: a building number makes the words before it an estate's name
        }
        boolean placeWord = estate || shortNames.contains(core) && tailed;
        if ((led || tailed) && placeWord && !saysService.test(core)) {
            return "";
        }
        return numbered;
    }

    /** 地址, 在这边: words of place with nothing of a need, worth dropping only when the clause says nothing else. */
    private static boolean isLocationOnly(String clause) {
        return clause.startsWith("地址") || clause.startsWith("位置") || clause.startsWith("地点");
    }

    /** Punctuation left dangling where a clause went: at the start, twice in a row. */
    private static String tidy(String text) {
        String t = text.replaceAll("^[，,。;；、：:\\s）)】\\]]+", "")
                .replaceAll("[（(【\\[]+$", "")
                .replaceAll("[（(【\\[][)）】\\]]", "")
                .replaceAll("[，,。；;、：:\\s]+$", "");
        return t.strip();
    }
}
