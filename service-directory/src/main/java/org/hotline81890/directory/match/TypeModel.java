package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;

/**
 * The request type (consultation, help, complaint, suggestion) as multinomial logistic regression over the type cue
 * words, the chosen service's default type, the types of the nearest examples and what the examples' characters say
 * of the type ({@link CharGrams}, ADR 0055). A report counts as a complaint;
 * the keyword stage's REPORT is kept when the model says complaint.
 */
final class TypeModel {
    static final List<String> INPUTS = List.of("bias",
            "cue.consultation", "cue.help", "cue.complaint", "cue.suggestion",
            "prior.consultation", "prior.help", "prior.complaint", "prior.suggestion",
            "knn.consultation", "knn.help", "knn.complaint", "knn.suggestion", "none",
            "keywords.consultation", "keywords.help", "keywords.complaint", "keywords.suggestion",
            "examples.consultation", "examples.help", "examples.complaint", "examples.suggestion",
            "question", "asks-how", "still-waiting", "referred", "provider-fault", "price", "wish", "wants",
            "grams.consultation", "grams.help", "grams.complaint", "grams.suggestion");
    /** A question to the hotline: a question mark or particle. */
    private static final Pattern QUESTION = Pattern.compile("[?？吗嘛么呢伐]");
    /** Asking for information: how, where, how much, when, which. */
    private static final Pattern ASKS_HOW =
            Pattern.compile("怎么|怎样|咋|哪|多少|几点|几时|什么时候|啥时候|多久|多长|什么|啥");
    /**
     * "You people still haven't …": the resident is waiting on the hotline or a provider it sent. A complaint, even
     * though it is phrased as a question (怎么还没派人来).
     */
    static final Pattern STILL_WAITING = Pattern.compile(
            "(你们|怎么|咋|为什么|为啥|到现在|至今)还(没|不|未)(有)?(人|派|来|修|处理|管|回|给|到|送|装|办|解决|上门|消息|答复|回复|联系)"
            + "|还没(人来|有人来|人上门|派人|人管|人处理|人理|消息|答复|回复|结果|给.{0,2}(说法|答复|回复|结果))"
            + "|一直(没|不)(人来|来|上门|人管|人处理|消息|回复|答复|露面)|迟迟(不|没)"
            + "|(都|已经).{1,4}(天|礼拜|星期|个月|小时|钟头)了.{0,6}(还|也)(没|不)"
            // waited a day already, or hours into an outage and asking when (ADR 0051)
            + "|等了(一|半|两|几|好几|大半)?(个)?(天|上午|下午|晚上|小时|钟头|礼拜|星期)"
            + "|(停|断|没)(电|水|气|网)[^，。,]{0,3}[一二三四五六七八九十两几半\\d]+个?(小时|钟头|天)了.{0,12}(什么时候|啥时候)");
    /** The provider or person the hotline referred ("the helper you sent"): the resident comes back about them. */
    static final Pattern REFERRED = Pattern.compile("你们(介绍|推荐|安排|派|叫|找|联系)(的|来的|过来的)");
    /** A fault of a provider or a shop: overcharging, refusing a refund, damage, neglect, an attitude. */
    static final Pattern PROVIDER_FAULT = Pattern.compile(
            "态度(差|不好|恶劣|很差|太差)|不负责|不认账|临时加价|加价|乱收|多收|乱扣|玩手机|一塌糊涂|不干活|偷工减料|坑人"
            + "|跑路|不给退|退不回|不退钱|不退定金|不给(换|修|赔)|不肯(退|赔|负责|换)|压坏|磕坏|弄坏|搞坏|摔坏|马虎|敷衍|糊弄|假货"
            + "|是假的|缺斤短两|以次充好|骗了?我"
            // staff who harmed or neglected the person in their care, or lost a child
            + "|打(了)?(老人|孩子|小孩|病人)|打人(?!工)|骂(了)?(老人|孩子|小孩|病人|人|我)|虐待|(弄|搞|看)丢了?(孩子|小孩|老人|人|东西)"
            + "|没人理|不理人|爱理不理|不搭理|扎了.{0,3}(次|针)"
            // the provider's work done, the thing still or again broken
            + "|(修|洗|装|搬|疏通|通)(完|好|过)(以后|之后|后|了)?.{0,8}(又|还是|一直|反而)(坏|漏|堵|不|没|湿|出)"
            // overcharged or an unfair bill: too dear, far above the usual
            + "|收费太(贵|高|黑)|收得太(贵|多|黑)|要价太高|太黑了|宰客|宰人|漫天要价|(比|跟)平时(多|高|贵)|平时(才|只有|只要)|翻了.{0,2}倍"
            // a public service left undone for long, or failing again and again (ADR 0040)
            + "|(好久|很久|一直|从来|根本|也|都)没人(来)?(管|修|扫|剪|清|收|理|弄)|几个月没人|不见有人"
            + "|第[二三四五六七八九两几]+(次|回|趟)(了|停|坏|断)|(又|老是|总是|经常|三天两头)(停电|停水|断网|坏了|堵了|漏了|不亮)"
            + "|报了.{0,3}(次|回|遍).{0,6}(没|不)"
            // the provider's work made it worse
            + "|结果(一|就|又|反而)|反而更|(装|弄|搞|拼)不回去"
            // a bribe asked, a line nobody answers, wrong information given, a fault denied, a meter run on (ADR 0051)
            + "|要红包|收红包|吃拿卡要|(按|打)了(半天|好久|好几次|[一二三四五六七八九十两几\\d]+(次|遍|个电话)).{0,4}没人接"
            + "|(地址|信息|电话|时间|通知)(是|给|写|发)?错(的|了)|不关(他|她|他们|我们|你们|我)的?事|(多走|多扣|多算)了"
            + "|脏得不得了|脏死了|臭死了|臭得.{0,6}(不敢|受不了)|被人(占|霸占)了");
    /** Asking a price: a consultation even when it names the service. */
    static final Pattern PRICE = Pattern.compile(
            "多少钱|几钿|价格|价钱|价位|收费|费用|怎么收|怎么算|贵不贵|多少一|(个|次|天|小时|钟头|月|斤|桶|瓶|趟|场|辆|桌)(要)?多少"
            + "|(要|大概|大约|得)多少|几千|几百块|多少钿|啥价|什么价|有没有便宜|便宜(一)?点的|how much|price|cost");
    /** "Whatever it costs, send someone": no price question, an urgent request. */
    private static final Pattern PRICE_WAIVED =
            Pattern.compile("(甭管|不管|不论|无论|不在乎)(花)?多少钱|多少钱都(行|可以|没关系|无所谓|不要紧)");
    /** A wish about how things should be: a suggestion. */
    static final Pattern WISH = Pattern.compile("希望|建议|最好(能|是)|能不能多|可不可以多|应该(多|把|给)|要是能"
            // asking a public service to do more or longer: "能不能周末也开", "可不可以晚点关" (ADR 0040)
            + "|(能不能|能否|可不可以|可否|是不是可以)[^，。,.!！?？]{0,8}"
            + "((多|也)(开|来|设|放|安排|办|建|装|发|派)|延长|增加|加开|加设|再设|再开|晚(一)?点(关|收|停)|早(一)?点(开|来))");
    /** Asking for someone to do something: help. */
    static final Pattern WANTS = Pattern.compile(
            "想找|想请|要找|要请|帮我|帮忙|需要|想要|想订|要订|找个|请个|来个人|派个人|派人|给我送|送过来|送到|搞定|整一?个"
            // a visit asked for, not "可以上门吗" / "上门吗" (whether the service visits is a consultation: ADR 0051)
            + "|(?<!可以|能|会|也|不)上门(?![吗么嘛伐])"
            // someone to come, a ticket or an appointment bought for someone (ADR 0051)
            + "|能有人(来|上门|帮|教|陪)|想挂(个)?.{0,4}号|想(给[^，。,]{1,4})?买[一两二三四五几\\d]+(张|台|个|份|箱|袋|桶)"
            // signing up, and hurry
            + "|想当|想报名|报个名|想参加|想加入|赶紧|赶快|快点来|马上来"
            + "|(i'd|i would) like to (?!know|ask|find)|i want to (?!know|ask|find)"
            + "|i need|we need|need (a|an|some|someone)\\b"
            // asked as a question: "能不能派个人来", "明天能上门吗", "could someone come" (ADR 0040)
            + "|(能不能|可不可以|能否)(帮|派|送|来|请|叫|上门)|能(派|叫)(个|一个)?人"
            + "|(今天|明天|后天|下午|上午|晚上|马上|现在|周末)能(不能)?(来|过来|上门|派)"
            + "|(could|can|would) (someone|somebody|anyone|you) (please )?"
            + "(come|send|help|fix|pick|bring|take|deliver|clean|walk|accompany|repair)"
            + "|is there (anyone|someone|somebody) (who )?(could|can)|please send");
    private final double[] weights;

    TypeModel(double[] weights) {
        if (weights.length != dims()) {
            throw new IllegalArgumentException("expected " + dims() + " type weights");
        }
        this.weights = weights.clone();
    }

    static int dims() {
        return INPUTS.size() * Evidence.TYPES;
    }

    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < Evidence.TYPES; t++) {
            for (String in : INPUTS) {
                out.add(Evidence.typeOf(t).english() + "." + in);
            }
        }
        return out;
    }

    RequestType type(Evidence ev, Service top, float[] serviceTypes) {
        double[] p = Softmax.probabilities(weights, classes(inputs(ev, top, serviceTypes)));
        int best = 0;
        for (int t = 1; t < p.length; t++) {
            best = p[t] > p[best] ? t : best;
        }
        RequestType type = Evidence.typeOf(best);
        return type == RequestType.COMPLAINT && ev.keywords().requestType() == RequestType.REPORT
                ? RequestType.REPORT : type;
    }

    /**
     * {@code top} is null for NONE; {@code serviceTypes} is the share of each type among its examples (null for
     * NONE).
     */
    static double[] inputs(Evidence ev, Service top, float[] serviceTypes) {
        boolean none = top == null;
        double[] x = new double[INPUTS.size()];
        x[0] = 1;
        KeywordEvidence kw = ev.keywords();
        for (RequestType t : RequestType.values()) {
            x[1 + Evidence.typeIndex(t)] += Math.log1p(kw.cue(t));
        }
        if (top != null) {
            x[5 + Evidence.typeIndex(top.defaultRequestType())] = 1;
        }
        for (int t = 0; t < Evidence.TYPES; t++) {
            x[9 + t] = ev.typeKnn()[t];
        }
        x[13] = none ? 1 : 0;
        x[14 + Evidence.typeIndex(kw.requestType())] = 1;
        for (int t = 0; t < Evidence.TYPES && serviceTypes != null; t++) {
            x[18 + t] = serviceTypes[t];
        }
        String lower = ev.text().toLowerCase(java.util.Locale.ROOT);
        String asked = withoutStillWaiting(lower);
        x[22] = QUESTION.matcher(asked).find() ? 1 : 0;
        x[23] = ASKS_HOW.matcher(asked).find() ? 1 : 0;
        x[24] = asked.length() != lower.length() ? 1 : 0;
        x[25] = REFERRED.matcher(lower).find() ? 1 : 0;
        x[26] = PROVIDER_FAULT.matcher(lower).find() ? 1 : 0;
        x[27] = asksAPrice(lower) ? 1 : 0;
        x[28] = WISH.matcher(lower).find() ? 1 : 0;
        x[29] = WANTS.matcher(lower).find() ? 1 : 0;
        // what the examples' characters say of the type (ADR 0055)
        for (int t = 0; t < Evidence.TYPES; t++) {
            x[30 + t] = ev.grams().types()[t];
        }
        return x;
    }

    /**
     * The text without its still-waiting words: "你们怎么还没派人来" is not a how-question, so the question cues read
     * what is left (ADR 0022). The text itself when it has none.
     */
    static String withoutStillWaiting(String lower) {
        java.util.regex.Matcher waiting = STILL_WAITING.matcher(lower);
        return waiting.find() ? lower.substring(0, waiting.start()) + lower.substring(waiting.end()) : lower;
    }

    /** Whether the text asks a price; "甭管多少钱，赶紧派人来" waives the price rather than asking it. */
    static boolean asksAPrice(String lower) {
        return PRICE.matcher(PRICE_WAIVED.matcher(lower).replaceAll("")).find();
    }

    /** Whether the question cues (a question particle, how/where/when) read {@code text}. */
    static boolean asksAQuestion(String text) {
        String asked = withoutStillWaiting(text.toLowerCase(java.util.Locale.ROOT));
        return QUESTION.matcher(asked).find() || ASKS_HOW.matcher(asked).find();
    }

    /** The inputs placed in each class's block: multinomial regression as a softmax over the classes. */
    static double[][] classes(double[] x) {
        double[][] f = new double[Evidence.TYPES][dims()];
        for (int t = 0; t < Evidence.TYPES; t++) {
            System.arraycopy(x, 0, f[t], t * x.length, x.length);
        }
        return f;
    }

    double[] weights() {
        return weights.clone();
    }
}
