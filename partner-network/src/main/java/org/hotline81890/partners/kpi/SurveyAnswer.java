package org.hotline81890.partners.kpi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The resident's answer to "are you satisfied?" (SMS reply or IVR digit 1/2/3, or the words); no answer in time is
 * counted apart ({@link #NO_REPLY}), never as satisfied. The one type for this concept in every module (ADR 0009).
 */
public enum SurveyAnswer {
    SATISFIED(1, "满意"),
    BASICALLY_SATISFIED(2, "基本满意"),
    UNSATISFIED(3, "不满意"),
    NO_REPLY(0, "未回复");

    private final int digit;
    private final String zh;

    SurveyAnswer(int digit, String zh) {
        this.digit = digit;
        this.zh = zh;
    }

    public boolean isSatisfied() {
        return this == SATISFIED || this == BASICALLY_SATISFIED;
    }

    /** A resident's answer, as opposed to {@link #NO_REPLY}. */
    public boolean isAnswer() {
        return this != NO_REPLY;
    }

    /** What the resident keys or texts: 1, 2 or 3 ({@code 0} for {@link #NO_REPLY}, which nobody keys). */
    public int digit() {
        return digit;
    }

    /** The Chinese word residents, agents and the work-order history use. */
    public String zh() {
        return zh;
    }

    /** The DTMF digit or SMS reply: 1, 2 or 3; anything else is no answer. */
    public static Optional<SurveyAnswer> ofDigit(String digit) {
        String d = digit == null ? "" : digit.strip();
        return Arrays.stream(values()).filter(a -> a.isAnswer() && d.equals(Integer.toString(a.digit))).findFirst();
    }

    /** The answer a Chinese word names (as {@link #zh()} writes it). */
    public static Optional<SurveyAnswer> ofChinese(String word) {
        String w = word == null ? "" : word.strip();
        return Arrays.stream(values()).filter(a -> a.zh.equals(w)).findFirst();
    }
}
