package org.hotline81890.gateway.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.Sla;
import org.hotline81890.directory.match.Match;
import org.hotline81890.directory.match.MatchResult;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Classification;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestClassifier;

/**
 * The directory as the intake's classifier: a service the agent chose wins; otherwise the text matcher picks the
 * service, request type and urgency, and the directory's data gives the service levels to promise. A text the
 * matcher is not sure of (it asks for an agent) gets no service when it came by SMS: it waits in the SMS inbox.
 */
public final class DirectoryClassifier implements RequestClassifier {
    public static final ZoneId HOTLINE_ZONE = ZoneId.of("Asia/Shanghai");
    private final Directory directory;
    private final Matcher matcher;
    private final Clock clock;

    public DirectoryClassifier(Directory directory, Matcher matcher, Clock clock) {
        this.directory = directory;
        this.matcher = matcher;
        this.clock = clock;
    }

    @Override
    public Classification classify(IntakeRequest request) {
        Optional<Service> chosen = request.serviceCode().flatMap(directory::find);
        if (chosen.isPresent()) {
            Service s = chosen.get();
            RequestType type = request.requestType().orElse(s.defaultRequestType());
            boolean urgent = request.priority().orElse(Priority.NORMAL) == Priority.EMERGENCY;
            return classification(s, type, request.priority().orElse(Priority.NORMAL), urgent,
                    "chosen by " + request.actor());
        }
        if (request.text().isBlank()) {
            return new Classification(Optional.empty(), request.requestType().orElse(RequestType.HELP),
                    request.priority().orElse(Priority.NORMAL), Optional.empty(), Optional.empty(), "no text yet");
        }
        MatchResult r = matcher.match(request.text());
        RequestType type = request.requestType().orElse(r.requestType());
        Priority priority = r.urgent() ? Priority.EMERGENCY : request.priority().orElse(Priority.NORMAL);
        if (r.isNone() || r.top().isEmpty()) {
            return new Classification(Optional.empty(), type, priority, Optional.empty(), Optional.empty(),
                    "no service matched" + (r.urgent() ? "; emergency words" : ""));
        }
        Match top = r.top().get();
        String reasons = top.reasons().stream().map(Object::toString).collect(Collectors.joining(", "));
        if (r.askAgent() && request.channel() == Channel.SMS) {
            // Not sure enough to dispatch a text: it waits in the agents' SMS inbox, RECEIVED, for a person to place.
            return new Classification(Optional.empty(), type, priority, Optional.empty(), Optional.empty(),
                    "held for an agent: confidence %.2f, first %s (%s)".formatted(r.confidence(),
                            top.service().code(), reasons));
        }
        String review = r.askAgent() ? "; agent review: confidence %.2f".formatted(r.confidence()) : "";
        return classification(top.service(), type, priority, r.urgent(), "matched by text: " + reasons + review);
    }

    private Classification classification(Service s, RequestType type, Priority priority, boolean urgent,
                                          String reason) {
        Sla sla = s.sla(type, urgent);
        Instant now = clock.instant();
        return new Classification(Optional.of(s.code()), type, priority,
                Optional.of(WorkingDays.from(now, sla.respondBy(), HOTLINE_ZONE)),
                Optional.of(WorkingDays.from(now, sla.completeBy(), HOTLINE_ZONE)),
                reason + " [SLA " + sla.name() + "]");
    }
}
