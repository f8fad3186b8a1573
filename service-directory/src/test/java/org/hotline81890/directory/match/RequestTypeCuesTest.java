package org.hotline81890.directory.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline81890.directory.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request type from the resident's cues (issue 19): "you still haven't …" and a complaint about a provider the
 * hotline sent are complaints even when phrased as a question or naming a help service; a price question is a
 * consultation. Sentences written for this test, not taken from the examples or any evaluation set.
 */
class RequestTypeCuesTest {
    private final SemanticMatcher matcher = ShippedMatcher.get();

    @ParameterizedTest
    @ValueSource(strings = {
        "冰箱报修两天了，你们怎么还没派人来",
        "燃气灶报修了一个礼拜，怎么还没人上门",
        "上礼拜约的家教老师迟迟不来",
        "送餐的阿姨一直没来，我妈还饿着肚子",
        "你们派来的电工把我家墙上的插座弄坏了"})
    void stillWaitingOrAReferredProvidersFaultIsAComplaint(String text) {
        assertThat(Evidence.typeIndex(matcher.match(text).requestType()))
                .isEqualTo(Evidence.typeIndex(RequestType.COMPLAINT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "疏通一次下水道要多少钱|RP-02",
        "月嫂一个月什么价钱|HK-03",
        "请个护工陪夜一晚上多少钱|MH-03"})
    void aPriceQuestionIsAConsultationOfThatService(String text, String code) {
        MatchResult r = matcher.match(text);
        assertThat(r.requestType()).isEqualTo(RequestType.CONSULTATION);
        assertThat(r.topCodes(1)).containsExactly(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "维修基金的申请你们怎么还没给答复|false",
        "报了半天了怎么还没人来|false",
        "维修基金怎么申请|true",
        "这种情况能申请吗|true"})
    void theHowOfStillWaitingIsNotAQuestion(String text, boolean question) {
        assertThat(TypeModel.asksAQuestion(text)).isEqualTo(question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "小区两户人家为了车位吵翻了，想请人来调解一下|HELP",
        "The heating pipe under my sink is leaking|HELP",
        "My washing machine stopped working and shows an error|HELP",
        "The delivery man was rude and threw my parcel on the ground|COMPLAINT"})
    void mediationWantedAndEnglishFaultsAreHelpAProvidersRudenessAComplaint(String text, RequestType want) {
        assertThat(Evidence.typeIndex(matcher.match(text).requestType())).isEqualTo(Evidence.typeIndex(want));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "我爸突然倒在地上叫不醒，怎么办",
        "楼道里着火了，烟很大，怎么办",
        "孩子发高烧抽搐了，怎么办",
        "厨房里煤气味很重，怎么办"})
    void anEmergencyAskedAsHowIsACallForHelp(String text) {
        MatchResult r = matcher.match(text);
        assertThat(r.urgent()).isTrue();
        assertThat(r.requestType()).isEqualTo(RequestType.HELP);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CONSULTATION|true|HELP",
        "COMPLAINT|true|COMPLAINT",
        "CONSULTATION|false|CONSULTATION"})
    void onlyAnEmergencysConsultationBecomesHelp(RequestType model, boolean urgent, RequestType want) {
        org.hotline81890.directory.Service referral = ShippedMatcher.directory().find("ER-04").orElseThrow();
        assertThat(SemanticMatcher.emergencyIsHelp(urgent, referral, model)).isEqualTo(want);
        assertThat(SemanticMatcher.emergencyIsHelp(urgent, null, model)).isEqualTo(model);
        // gas repairs are no emergency category, but take the gas emergency by their own words
        org.hotline81890.directory.Service gas = ShippedMatcher.directory().find("UT-04").orElseThrow();
        assertThat(SemanticMatcher.emergencyIsHelp(urgent, gas, model)).isEqualTo(want);
        org.hotline81890.directory.Service waterCuts = ShippedMatcher.directory().find("UT-02").orElseThrow();
        assertThat(SemanticMatcher.emergencyIsHelp(urgent, waterCuts, model)).isEqualTo(model);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "不管多少钱，今天一定派个人来通马桶|false",
        "花多少钱都行，快派人来|false",
        "通一次马桶多少钱|true"})
    void aWaivedPriceIsNoPriceQuestion(String text, boolean price) {
        assertThat(TypeModel.asksAPrice(text)).isEqualTo(price);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "都三天了还没人来修|STILL",
        "你们怎么还不来|STILL",
        "你们介绍的阿姨人怎么样|REFERRED",
        "师傅到了楼下临时加价|FAULT",
        "换个滤芯多少钱|PRICE",
        "一次要多少|PRICE",
        "希望周末也开门|WISH",
        "想请个人来帮忙|WANTS",
        "托管班老师打孩子|FAULT",
        "空调修完没两天又不制冷了|FAULT",
        "换个灯泡要两百，太黑了|FAULT",
        "这个月水费比平时多了一大截|FAULT",
        "育儿嫂一个月大概几千|PRICE",
        "有没有便宜点的套餐|PRICE",
        "我想当志愿者|WANTS",
        "i need someone to fix my door|WANTS",
        "i'd like to know the opening hours|NONE",
        "垃圾箱满了一个礼拜也没人来收|FAULT",
        "我们这片这个月第三次停电了|FAULT",
        "师傅换了水泵，结果一开机就漏水|FAULT",
        "图书馆能不能周末也开到晚上九点|WISH",
        "公园的灯可不可以晚一点关|WISH",
        "明天上午能上门吗|WANTS",
        "能不能派个师傅来看看|WANTS",
        "could someone come and fix my tap|WANTS",
        "can you tell me the opening hours|NONE",
        "师傅说下午来，我们等了一天了|STILL",
        "停电三个小时了，什么时候能修好|STILL",
        "教练老是要红包|FAULT",
        "一键通按了半天都没人接|FAULT",
        "你们给的地址是错的|FAULT",
        "他们说不关他们的事|FAULT",
        "电表比上个月多走了两百度|FAULT",
        "地毯清洗上门吗|NONE",
        "冰箱维修可以上门吗|NONE",
        "请师傅上门看看|WANTS",
        "能有人来教她吗|WANTS",
        "我想给我妈买两张票|WANTS",
        "孩子发烧两天了，什么时候能打疫苗|NONE"})
    void theCuePatternsReadTheWording(String text, String cue) {
        assertThat(TypeModel.STILL_WAITING.matcher(text).find()).isEqualTo(cue.equals("STILL"));
        assertThat(TypeModel.REFERRED.matcher(text).find()).isEqualTo(cue.equals("REFERRED"));
        assertThat(TypeModel.PROVIDER_FAULT.matcher(text).find()).isEqualTo(cue.equals("FAULT"));
        assertThat(TypeModel.PRICE.matcher(text).find()).isEqualTo(cue.equals("PRICE"));
        assertThat(TypeModel.WISH.matcher(text).find()).isEqualTo(cue.equals("WISH"));
        assertThat(TypeModel.WANTS.matcher(text).find()).isEqualTo(cue.equals("WANTS"));
    }

    /** An English emergency is help like a Chinese one, even asked as a question (ADR 0043). */
    @Test
    void anEnglishEmergencyAskedAsAQuestionIsHelp() {
        MatchResult r = matcher.match("There is flooding in our basement flat, what can we do?");
        assertThat(r.urgent()).isTrue();
        assertThat(r.topCodes(1)).containsExactly("ER-08");
        assertThat(r.requestType()).isEqualTo(RequestType.HELP);
    }
}
