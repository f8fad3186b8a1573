package org.hotline81890.gateway.desk;

/** What the agent does with the ticket at the end of the form. */
public enum Handling {
    /** Answered at first contact (直接答复): a consultation the directory's answer settles; the order is ANSWERED. */
    ANSWER,
    /** Dispatched (派单): the partner network offers it to a provider of the chosen service. */
    DISPATCH,
    /** Transferred (转办) to the department the agent chose, through the same dispatch: an offer to that department. */
    TRANSFER
}
