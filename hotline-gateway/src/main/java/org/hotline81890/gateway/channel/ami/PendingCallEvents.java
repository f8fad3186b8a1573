package org.hotline81890.gateway.channel.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call-record events that could not be written (the database was down), kept in a file under data.dir in arrival
 * order and replayed when storage is back, so that no queue call goes missing from the KPIs. Bounded: beyond
 * {@code limit} events the newest are dropped and counted (WARN). Used by the recorder's writer, and by AMI's reader
 * for an event that arrives after shutdown: its methods are synchronized.
 */
public final class PendingCallEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PendingCallEvents.class);
    private final Path file;
    private final int limit;
    private int size;
    private long dropped;

    /** One queue event as the recorder applies it; {@code a}/{@code b}/{@code n} depend on the kind. */
    record Event(Kind kind, String uniqueId, String a, String b, long n, Instant at) {
        String line() {
            return String.join("\t", kind.name(), clean(uniqueId), clean(a), clean(b), Long.toString(n),
                    Long.toString(at.toEpochMilli()));
        }

        static Event parse(String line) {
            String[] p = line.split("\t", -1);
            return new Event(Kind.valueOf(p[0]), p[1], p[2], p[3], Long.parseLong(p[4]),
                    Instant.ofEpochMilli(Long.parseLong(p[5])));
        }

        private static String clean(String s) {
            return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }
    }

    enum Kind { JOINED, AGENT_CALLED, ANSWERED, COMPLETED, ABANDONED, HUNG_UP }

    public PendingCallEvents(Path file, int limit) {
        this.file = file;
        this.limit = limit;
        this.size = Files.exists(file) ? read().size() : 0;
        if (size > 0) {
            LOG.info("{} call-record events kept from before the last stop wait for the database", size);
        }
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    synchronized int size() {
        return size;
    }

    synchronized void add(Event e) {
        if (size >= limit) {
            dropped++;
            if (dropped == 1 || dropped % 1000 == 0) {
                LOG.warn("call-record spool full ({} events): {} events dropped so far", limit, dropped);
            }
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            size++;
        } catch (IOException x) {
            dropped++;
            LOG.warn("call-record event for {} lost: the spool {} cannot be written: {}", e.uniqueId(), file,
                    x.toString());
        }
    }

    /** The kept events, oldest first. */
    synchronized List<Event> read() {
        try {
            List<Event> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Event.parse(line));
                }
            }
            return out;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** The first {@code n} events were written to the database: keep only the rest. */
    synchronized void written(int n) {
        List<Event> rest = read();
        rest = rest.subList(Math.min(n, rest.size()), rest.size());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, rest.stream().map(Event::line).toList(), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            size = rest.size();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
