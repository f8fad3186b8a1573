package org.hotline81890.directory.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The non-request cues of the combiner's NONE candidate (ADR 0035). Sentences written for this test, not taken from
 * the examples, the dev set or any evaluation set.
 */
class NeedCuesTest {
    @Test
    void praiseAndThanksForSomethingDoneAskNothing() {
        assertThat(NeedCues.asksNothing("我们楼道新刷的墙雪白雪白的，看着真舒服")).isTrue();
        assertThat(NeedCues.asksNothing("谢谢你们前天派来的电工师傅，手脚真利索")).isTrue();
        assertThat(NeedCues.asksNothing("上回修热水器的师傅态度很好，没别的事，就是想说一声")).isTrue();
        assertThat(NeedCues.thanksOrPraise("上回修热水器的师傅态度很好")).isTrue();
    }

    /**
     * A bare two- or three-character request may ask nothing by these patterns ("开锁", "灭老鼠"): that is why the
     * cue is one input of the combiner beside the keyword evidence and the length, not a rule
     * ({@code SemanticMatcherTest} checks such requests are not NONE).
     */
    @Test
    void shortRequestsQuestionsAndTroubleAreNeeds() {
        for (String need : new String[] {"修马桶", "找保姆", "疏通下水道", "换个灯泡", "空调不制冷",
            "垃圾三天没人收", "社区有没有书法班", "阿拉屋里电视机弗亮了", "I need a plumber"}) {
            assertThat(NeedCues.asksNothing(need)).as(need).isFalse();
        }
    }

    @Test
    void aPoliteWordBesideARequestDoesNotHideTheRequest() {
        assertThat(NeedCues.asksNothing("麻烦派个开锁师傅过来谢谢")).isFalse();
        assertThat(NeedCues.asksNothing("谢谢，另外我家水龙头又漏了")).isFalse();
        assertThat(NeedCues.asksNothing("师傅态度不错，就是修完第二天又坏了")).isFalse();
    }

    @Test
    void dissatisfactionIsNotPraise() {
        assertThat(NeedCues.thanksOrPraise("对这次保洁很不满意")).isFalse();
        assertThat(NeedCues.thanksOrPraise("新买的吸尘器不好用")).isFalse();
    }
}
