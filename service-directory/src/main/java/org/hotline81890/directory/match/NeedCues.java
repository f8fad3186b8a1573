package org.hotline81890.directory.match;

import java.util.regex.Pattern;

/**
 * Whether a text asks for anything at all. A hotline answers needs, not mentions: "our nanny cooks so well", "thanks
 * for the cleaner you sent last time, nothing else", "I moved yesterday and my back aches" name a service word
 * and ask nothing; "修马桶", "开锁", "找保姆" are short but real. Two cues for the combiner's NONE candidate, whose
 * weights are learned from the labelled examples (ADR 0035):
 * <ul>
 *   <li>{@link #asksNothing}: no question, no wish or request, no trouble anywhere in the text once the words of
 *       thanks and praise (the whole clause when it thanks for something done) and the phrases that say "nothing
 *       else" are set aside;</li>
 *   <li>{@link #thanksOrPraise}: a clause thanks or praises (past service, a good worker), which on its own is a
 *       call for the agent, never for a provider.</li>
 * </ul>
 * Plain patterns over the cleaned text: a few microseconds, no allocation beyond the matcher's.
 */
final class NeedCues {
    /** Thanks and praise; "不满意", "不好用" are not praise. */
    static final Pattern THANKS_OR_PRAISE = Pattern.compile(
            "谢谢|感谢|多谢|谢了|表扬|点赞|夸夸|辛苦了|太好了|真好|挺好|蛮好|很好|特别好|老好|好得很|不错|真棒|很棒|厉害"
            + "|(?<![不没])满意|(?<![不没])好吃|(?<![不没])好用|(?<![不没])靠谱|(?<![不没])负责任|(真|很|挺|蛮)负责|热心|贴心|周到|开心"
            + "|thank|thanks|great job|well done|lovely|wonderful");
    /** "Nothing else, just wanted to say": the caller says outright there is no need. */
    static final Pattern NO_NEED = Pattern.compile(
            "没(有)?(别的|其他|什么|啥)(事|事情)|没事了|不用了|就(是)?想(跟你们)?说|随便(说说|聊聊|问问)|告诉你们一声|跟你们说一声"
            + "|nothing else|just wanted to say");
    /**
     * A need: a question, a wish or a request, or trouble (something broken, missing, stopped, dirty, noisy,
     * dangerous, late, unfair). Deliberately wide: a text that has none of these is very rarely a request.
     */
    static final Pattern NEED = Pattern.compile(
            "[?？吗嘛么呢伐]|怎|咋|哪|几|多少|谁|啥|什么|是否|能否|有没有|可不可以|行不行|阿是|晓得"
            + "|想|要|需|帮|请|找|寻|求|麻烦|给我|来人|派|约|报名|申请|办|修|换|装|拆|搬|送|接|查|问|咨询|投诉|举报|反映|建议|希望"
            + "|坏|漏|堵|破|断|停|不|没|无|弗|勿|覅|别|难|急|救|疼|痛|晕|病|伤|吵|臭|脏|乱|丢|掉|烂|裂|塌|倒|火|烟|味|水|电|气|险"
            + "|问题|故障|欠|拖|骗|差|贵|太|一直|老是|总是|又|还|怕|担心|危|死|闹|打|偷|占|挡|违|乱"
            + "|need|want|help|please|can |could|how|what|where|when|who|why|\\?|broken|leak|not |no |stuck|lost");

    /** A thanks about something done: the whole clause is the thanks ("谢谢你们上次帮我找回钱包"). */
    static final Pattern DONE = Pattern.compile(
            "上次|上回|之前|以前|那次|那天|昨天|前天|前几天|上个?(月|周|礼拜|星期)|去年|刚才|已经|(修|弄|搞|办|处理)好了|找回|找到了|解决了"
            + "|last time|yesterday|already");

    private NeedCues() {
    }

    /** True when nothing in the text, thanks and "nothing else" set aside, asks, wants or complains. */
    static boolean asksNothing(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        t = NO_NEED.matcher(t).replaceAll("，");
        StringBuilder rest = new StringBuilder();
        for (String clause : t.split("[，,。.！!；;、\\s]+")) {
            java.util.regex.Matcher thanks = THANKS_OR_PRAISE.matcher(clause);
            if (!thanks.find()) {
                rest.append(clause).append('，');
            } else if (!DONE.matcher(clause).find()) {
                // "帮我叫个开锁的谢谢": a polite word beside a request; only the word is set aside
                rest.append(thanks.replaceAll("，")).append('，');
            }
        }
        return !NEED.matcher(rest).find();
    }

    /** True when a clause thanks or praises. */
    static boolean thanksOrPraise(String text) {
        return THANKS_OR_PRAISE.matcher(text.toLowerCase(java.util.Locale.ROOT)).find();
    }
}
