package org.hotline81890.partners.offer;

/**
 * {@link #ASSIGNMENT}: a job offered to a partner company or volunteer, who accepts or declines before a deadline.
 * {@link #TRANSFER}: a 转办 to a government department, which signs for it and must handle it by a deadline.
 */
public enum OfferKind {
    ASSIGNMENT,
    TRANSFER
}
