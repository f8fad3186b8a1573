package org.hotline81890.partners.offer;

/** Request types as the hotline counts them (咨询, 求助, 投诉, 建议, 举报); the gateway maps its own enum onto this. */
public enum RequestKind {
    CONSULTATION,
    HELP,
    COMPLAINT,
    SUGGESTION,
    REPORT
}
