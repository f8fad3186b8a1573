package org.hotline81890.directory.match;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a water word is not an emergency (ADR 0043). A flat flooding now is ER-08's emergency; the same words told
 * about a leak the resident has already shut off ("软管爆了，我把总阀关了") or about a device that got wet
 * ("电脑掉水里进水了", with words between the device and 进水) ask for the plumber or the device's repairer, not
 * for the 2-hour emergency crew. Only the water emergency words are calmed: fire, gas, a person in danger keep the
 * flag whatever else the text says. Two plain patterns over the normalized text.
 */
final class WaterUnderControl {
    /** The emergency words of a flat taking water (`urgency.tsv` and ER-08's `urgent:`), as found in a text. */
    static final Set<String> WATER_WORDS = Set.of("淹了", "水淹", "进水了", "水漫", "漫进来", "倒灌", "爆管", "爆了",
            "水喷", "喷水", "往外冒");
    /** The water is shut off: a valve or the main tap closed (not "closed in vain", not "closed, still pouring"). */
    static final Pattern SHUT_OFF = Pattern.compile(
            "(?:(总阀|阀门|水阀|角阀|总闸|水闸|总开关|水表阀|进水阀)[^,，。.!！?？;；]{0,4}(关|拧)(了|掉|好|上|紧|住|死)"
            + "|(关|拧)(了|掉|好|上|紧|住)?(总阀|阀门|水阀|角阀|总闸|水闸|总开关|水表阀))"
            + "(?![^,，。.!！?？;；]{0,3}(没用|不管用|没有用|白关))(?![^。.!！?？]{0,12}(还在|还是|一直)[^。.!！?？]{0,6}(喷|冒|流|漏|渗|涌))"
            + "|水(已经)?(止住|停住|不喷|不冒|不流)了");
    /** A device that took water: the device named before 进水 in the same clause. */
    static final Pattern DEVICE_WET = Pattern.compile(
            "(电脑|笔记本|手机|键盘|平板|ipad|相机|耳机|手表|鼠标|显示器|音箱|遥控器|充电器|主机|u盘|硬盘|电瓶车|车子)"
            + "[^,，。.!！?？;；]{0,8}进水");

    private WaterUnderControl() {
    }

    /** Whether the emergency word {@code found} in {@code normalized} is a water word the text calms. */
    static boolean calms(String found, String normalized) {
        if (!WATER_WORDS.contains(found)) {
            return false;
        }
        return SHUT_OFF.matcher(normalized).find() || found.startsWith("进水") && DEVICE_WET.matcher(normalized).find();
    }
}
