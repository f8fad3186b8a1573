package org.hotline81890.partners.rating;

import org.hotline81890.partners.kpi.SurveyAnswer;

/**
 * A provider's answered surveys: how many, and the sum of their scores. Scores on the rating's 0..5 scale:
 * satisfied 5, basically satisfied 4, unsatisfied (a complaint) 1. "No reply" is not an answer and is not counted.
 */
public record SurveyTally(long answers, long scoreSum) {
    public static final SurveyTally NONE = new SurveyTally(0, 0);

    public SurveyTally {
        if (answers < 0 || scoreSum < 0 || scoreSum > 5 * answers) {
            throw new IllegalArgumentException("a tally is answers >= 0 and 0 <= scoreSum <= 5 * answers, got "
                    + answers + " and " + scoreSum);
        }
    }

    /** The score of one answer, or 0 with {@link #counts} false for no reply. */
    public static int score(SurveyAnswer answer) {
        return switch (answer) {
            case SATISFIED -> 5;
            case BASICALLY_SATISFIED -> 4;
            case UNSATISFIED -> 1;
            case NO_REPLY -> 0;
        };
    }

    public static boolean counts(SurveyAnswer answer) {
        return answer != SurveyAnswer.NO_REPLY;
    }

    public SurveyTally plus(SurveyAnswer answer) {
        return counts(answer) ? new SurveyTally(answers + 1, scoreSum + score(answer)) : this;
    }
}
