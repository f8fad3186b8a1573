package org.hotline81890.gateway.workorder;

import java.util.Optional;
import org.hotline81890.directory.RequestType;

/**
 * Classification from what the channel already knows: the agent picked a service, the caller keyed a request type.
 * Used alone when no directory is wired, and as the fallback of the directory's matcher.
 */
public final class HintsClassifier implements RequestClassifier {
    @Override
    public Classification classify(IntakeRequest request) {
        return new Classification(request.serviceCode(), request.requestType().orElse(RequestType.HELP),
                request.priority().orElse(Priority.NORMAL), Optional.empty(), Optional.empty(),
                request.serviceCode().isPresent() ? "chosen by " + request.actor() : "no service chosen yet");
    }
}
