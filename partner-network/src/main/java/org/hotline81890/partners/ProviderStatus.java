package org.hotline81890.partners;

/** Only active providers receive offers; a suspended one keeps its history and open jobs. */
public enum ProviderStatus {
    ACTIVE,
    SUSPENDED
}
