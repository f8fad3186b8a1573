package org.hotline81890.gateway.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.Sla;
import org.hotline81890.directory.match.Match;
import org.hotline81890.directory.match.MatchResult;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.gateway.workorder.Classification;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestClassifier;
import org.hotline81890.gateway.workorder.RequestType;

/**
 * The directory as the intake's classifier: a service the agent chose wins; otherwise the text matcher picks the
 * service, request type and urgency, and the directory's data gives the service levels to promise.
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
            RequestType type = request.requestType().orElse(toGateway(s.defaultRequestType()));
            boolean urgent = request.priority().orElse(Priority.NORMAL) == Priority.EMERGENCY;
            return classification(s, type, request.priority().orElse(Priority.NORMAL), urgent,
                    "chosen by " + request.actor());
        }
        if (request.text().isBlank()) {
            return new Classification(Optional.empty(), request.requestType().orElse(RequestType.HELP),
                    request.priority().orElse(Priority.NORMAL), Optional.empty(), Optional.empty(), "no text yet");
        }
        MatchResult r = matcher.match(request.text());
        RequestType type = request.requestType().orElse(toGateway(r.requestType()));
        Priority priority = r.urgent() ? Priority.EMERGENCY : request.priority().orElse(Priority.NORMAL);
        if (r.isNone() || r.top().isEmpty()) {
            return new Classification(Optional.empty(), type, priority, Optional.empty(), Optional.empty(),
                    "no service matched" + (r.urgent() ? "; emergency words" : ""));
        }
        Match top = r.top().get();
        String reasons = top.reasons().stream().map(Object::toString).collect(Collectors.joining(", "));
        String review = r.askAgent() ? "; agent review: confidence %.2f".formatted(r.confidence()) : "";
        return classification(top.service(), type, priority, r.urgent(), "matched by text: " + reasons + review);
    }

    private Classification classification(Service s, RequestType type, Priority priority, boolean urgent,
                                          String reason) {
        Sla sla = s.sla(toDirectory(type), urgent);
        Instant now = clock.instant();
        return new Classification(Optional.of(s.code()), type, priority,
                Optional.of(WorkingDays.from(now, sla.respondBy(), HOTLINE_ZONE)),
                Optional.of(WorkingDays.from(now, sla.completeBy(), HOTLINE_ZONE)),
                reason + " [SLA " + sla.name() + "]");
    }

    static RequestType toGateway(org.hotline81890.directory.RequestType t) {
        return RequestType.valueOf(t.name());
    }

    static org.hotline81890.directory.RequestType toDirectory(RequestType t) {
        return org.hotline81890.directory.RequestType.valueOf(t.name());
    }
}
