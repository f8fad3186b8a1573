package org.hotline81890.gateway.workorder;

import java.util.Optional;

/** The resident's answer to "are you satisfied?" (1 satisfied, 2 basically satisfied, 3 unsatisfied). */
public enum SurveyAnswer {
    SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

    private final String zh;

    SurveyAnswer(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** The answer whose Chinese word is {@code zh}, as the SURVEYED event's details record it. */
    public static Optional<SurveyAnswer> ofZh(String zh) {
        for (SurveyAnswer a : values()) {
            if (a.zh.equals(zh)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The DTMF digit or SMS reply: 1, 2 or 3. */
    public static Optional<SurveyAnswer> ofDigit(String digit) {
        return switch (digit == null ? "" : digit.strip()) {
            case "1" -> Optional.of(SATISFIED);
            case "2" -> Optional.of(BASICALLY_SATISFIED);
            case "3" -> Optional.of(UNSATISFIED);
            default -> Optional.empty();
        };
    }
}
