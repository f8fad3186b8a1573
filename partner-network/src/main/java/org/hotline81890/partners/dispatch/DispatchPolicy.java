package org.hotline81890.partners.dispatch;

/** A named rule that ranks the providers for a job. Names appear in history and reports, so keep them stable. */
public interface DispatchPolicy {
    String name();

    DispatchDecision decide(DispatchRequest request, ProviderIndex providers, LoadView load);
}
