package org.hotline81890.gateway.dispatch;

import java.util.List;
import java.util.Optional;

import org.hotline81890.partners.offer.OfferId;

/** Driven port: departments' extension requests and the supervisors' decisions on them. */
public interface ExtensionRequests {
    /** Stores a new pending request; returns it with its id. */
    ExtensionRequest add(ExtensionRequest request);

    Optional<ExtensionRequest> find(long id);

    /** The offer's request still waiting for a decision, if any. */
    Optional<ExtensionRequest> pendingFor(OfferId offer);

    /** Records a decision; false when the request was no longer pending (someone decided first). */
    boolean decide(ExtensionRequest decided);

    /** Waiting for a decision, oldest first. */
    List<ExtensionRequest> pending(int limit);
}
