package org.hotline81890.gateway.channel.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.simulators.transcript.Direction;
import org.hotline81890.simulators.transcript.Transcript;
import org.hotline81890.simulators.transcript.TranscriptLine;
import org.hotline81890.simulators.transcript.TranscriptReader;

/**
 * One captured AMI session of {@code ../shared/asterisk-transcripts/} cut into what a fake Asterisk replays: the
 * banner line, and per client action the messages Asterisk sent until the client's next action (and whether it
 * closed the connection then). Lines are kept as ISO-8859-1 strings so that writing them back gives the captured
 * bytes exactly, CR LF included.
 */
final class CapturedAmi {

    /** One AMI message as captured: its lines, each with its CR LF, the last one the empty line. */
    record Message(double seconds, List<String> lines) {
        Message {
            lines = List.copyOf(lines);
        }

        Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        List<String> headers(String name) {
            String prefix = name + ": ";
            return lines.stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(prefix.length(), l.length() - 2)).toList();
        }

        boolean isEvent(String name) {
            return lines.getFirst().equals("Event: " + name + "\r\n");
        }

        Message replace(String line, String with) {
            return new Message(seconds, lines.stream().map(l -> l.equals(line) ? with : l).toList());
        }

        byte[] bytes() {
            return String.join("", lines).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** A client action and what Asterisk sent after it until the client's next action. */
    record Exchange(Message action, List<Message> answer, boolean closed) {
        Exchange {
            answer = List.copyOf(answer);
        }

        String actionId() {
            return action.header("ActionID").orElse("");
        }

        /** The answer's first message (Asterisk answers every action before it sends the action's list events). */
        Message response() {
            return answer.stream().filter(m -> m.lines().getFirst().startsWith("Response: ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no response to " + actionId()));
        }
    }

    private final String banner;
    private final List<Exchange> exchanges;

    private CapturedAmi(String banner, List<Exchange> exchanges) {
        this.banner = banner;
        this.exchanges = List.copyOf(exchanges);
    }

    static CapturedAmi read(String file, int session) {
        try {
            return of(TranscriptReader.readSessions(transcripts().resolve(file)).get(session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CapturedAmi of(Transcript t) {
        String banner = null;
        List<Exchange> out = new ArrayList<>();
        Message action = null;
        List<Message> answer = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (TranscriptLine line : t.lines()) {
            if (line instanceof TranscriptLine.Note n) {
                if (n.text().contains("EOF") && action != null) {
                    out.add(new Exchange(action, answer, true));
                    action = null;
                }
                continue;
            }
            TranscriptLine.WireLine w = (TranscriptLine.WireLine) line;
            String text = new String(w.bytes(), StandardCharsets.ISO_8859_1);
            if (banner == null) {
                banner = text;
                continue;
            }
            lines.add(text);
            if (!text.equals("\r\n")) {
                continue;
            }
            Message m = new Message(w.seconds(), lines);
            lines = new ArrayList<>();
            if (w.direction() == Direction.FROM_ASTERISK) {
                answer.add(m);
            } else {
                if (action != null) {
                    out.add(new Exchange(action, answer, false));
                }
                action = m;
                answer = new ArrayList<>();
            }
        }
        if (action != null) {
            out.add(new Exchange(action, answer, false));
        }
        return new CapturedAmi(banner, out);
    }

    String banner() {
        return banner;
    }

    Exchange exchange(String actionId) {
        return exchanges.stream().filter(e -> e.actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no captured action " + actionId));
    }

    /**
     * The events Asterisk sent to this session after the given action's answer: everything but responses and the
     * items of list actions (those go only to the client that asked).
     */
    List<Message> eventsAfter(String actionId) {
        Set<String> lists = new HashSet<>();
        for (Exchange e : exchanges) {
            if (e.response().header("EventList").filter("start"::equals).isPresent()) {
                lists.add(e.actionId());
            }
        }
        List<Message> events = new ArrayList<>();
        boolean after = false;
        for (Exchange e : exchanges) {
            if (after) {
                e.answer().stream().filter(m -> m.lines().getFirst().startsWith("Event: "))
                        .filter(m -> m.header("ActionID").filter(lists::contains).isEmpty()).forEach(events::add);
            }
            after = after || e.actionId().equals(actionId);
        }
        return events;
    }

    /** All the events in the session (for expectations computed from the capture). */
    List<Message> allEvents() {
        return exchanges.stream().flatMap(e -> e.answer().stream())
                .filter(m -> m.lines().getFirst().startsWith("Event: ")).toList();
    }

    static Path transcripts() {
        Path dir = Path.of("").toAbsolutePath().getParent().resolve("../shared/asterisk-transcripts").normalize();
        if (!dir.toFile().isDirectory()) {
            throw new UncheckedIOException(new IOException("transcripts not found at " + dir));
        }
        return dir;
    }
}
