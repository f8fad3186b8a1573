package org.hotline81890.partners.kpi;

/** The resident's answer (SMS reply 1/2/3 or IVR); no answer in time is counted apart, never as satisfied. */
public enum SurveyAnswer {
    SATISFIED,
    BASICALLY_SATISFIED,
    UNSATISFIED,
    NO_REPLY;

    public boolean isSatisfied() {
        return this == SATISFIED || this == BASICALLY_SATISFIED;
    }
}
