package org.hotline81890.gateway.channel.smpp.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jsmpp.DefaultPDUSender;
import org.jsmpp.PDUSender;
import org.jsmpp.SMPPConstant;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * deliver_sm_resp sent when the message's status is known (after its commit), by the thread that learns it, instead
 * of by a jSMPP thread parked until then. jSMPP answers a deliver_sm as soon as its listener returns; a listener
 * that returns early {@link #defer defers} the answer on its thread, and the {@link #sender() sender} of the
 * session then holds that deliver_sm_resp back until the status completes. Answers that complete together (a group
 * commit's batch) leave in one write.
 * <p>The pair only works together: every session whose listener defers must be built with {@link #sender()}
 * ({@link SmppBind} does), or jSMPP would answer OK before the commit.
 */
public final class DeferredResponses {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredResponses.class);
    private static final ThreadLocal<Deferral> HERE = new ThreadLocal<>();
    /** The writers with answers held back by {@link #together} on this thread. */
    private static final ThreadLocal<Set<Writer>> HELD = new ThreadLocal<>();

    private record Deferral(int sequence, CompletionStage<Integer> status) {
    }

    private DeferredResponses() {
    }

    /**
     * The answer to the deliver_sm with {@code sequence}, read on this thread, is {@code status} (a command status;
     * completed exceptionally means ESME_RX_T_APPN). Call it last, just before the listener returns normally.
     */
    public static void defer(int sequence, CompletionStage<Integer> status) {
        HERE.set(new Deferral(sequence, status));
    }

    /**
     * Runs {@code completions} (statuses completing, e.g. a journal batch's commit) and writes the deliver_sm_resps
     * they release on this thread once it returns, in one write per session instead of one per answer.
     */
    public static void together(Runnable completions) {
        if (HELD.get() != null) {
            completions.run();
            return;
        }
        Set<Writer> held = Collections.newSetFromMap(new IdentityHashMap<>());
        HELD.set(held);
        try {
            completions.run();
        } finally {
            HELD.remove();
            held.forEach(Writer::drain);
        }
    }

    /** Forgets a deferral that jSMPP did not pick up (nothing should be left when a listener starts). */
    static boolean clear() {
        boolean left = HERE.get() != null;
        HERE.remove();
        return left;
    }

    /** A PDU sender for one session (jSMPP's own, synchronized on the stream, with deferred deliver_sm_resp). */
    public static PDUSender sender() {
        return sender(() -> { });
    }

    /**
     * As {@link #sender()}, and runs {@code framingLost} once the generic_nack ESME_RINVCMDLEN for a command_length
     * the session refused unread is on the wire. jSMPP then unbinds from its reader thread and waits the whole
     * transaction timer for an unbind_resp that thread can never read (10 s by default, the bind serving nothing
     * meanwhile); the callback lets the bind close the connection at once and bind again.
     */
    public static PDUSender sender(Runnable framingLost) {
        return new SynchronizedPDUSender(new Sender(new DefaultComposer(), framingLost));
    }

    private static final class Sender extends DefaultPDUSender {
        private final PDUComposer composer;
        private final Runnable framingLost;
        private volatile Writer writer;

        Sender(PDUComposer composer, Runnable framingLost) {
            super(composer);
            this.composer = composer;
            this.framingLost = framingLost;
        }

        @Override
        public byte[] sendGenericNack(OutputStream out, int commandStatus, int sequenceNumber) throws IOException {
            try {
                return super.sendGenericNack(out, commandStatus, sequenceNumber);
            } finally {
                if (commandStatus == SMPPConstant.STAT_ESME_RINVCMDLEN) {
                    framingLost.run();
                }
            }
        }

        @Override
        public byte[] sendDeliverSmResp(OutputStream out, int commandStatus, int sequenceNumber, String messageId)
                throws IOException {
            Deferral d = HERE.get();
            HERE.remove();
            if (d == null || d.sequence() != sequenceNumber || commandStatus != SMPPConstant.STAT_ESME_ROK) {
                return super.sendDeliverSmResp(out, commandStatus, sequenceNumber, messageId);
            }
            Writer w = writerFor(out);
            d.status().whenComplete((status, failure) -> w.send(composer.deliverSmResp(
                    failure == null ? status : SMPPConstant.STAT_ESME_RX_T_APPN, sequenceNumber, messageId)));
            return new byte[0];
        }

        private Writer writerFor(OutputStream out) {
            Writer w = writer;
            if (w == null || w.out != out) {
                w = new Writer(out);
                writer = w;
            }
            return w;
        }
    }

    /** Whoever finds answers queued and nobody writing writes them all, under the stream's lock as jSMPP does. */
    private static final class Writer {
        private final OutputStream out;
        private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean writing = new AtomicBoolean();

        Writer(OutputStream out) {
            this.out = out;
        }

        void send(byte[] pdu) {
            queue.add(pdu);
            Set<Writer> held = HELD.get();
            if (held != null) {
                held.add(this); // written when the completing thread leaves together()
                return;
            }
            drain();
        }

        void drain() {
            while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
                try {
                    ByteArrayOutputStream all = new ByteArrayOutputStream(256);
                    byte[] next;
                    while ((next = queue.poll()) != null) {
                        all.writeBytes(next);
                    }
                    synchronized (out) {
                        all.writeTo(out);
                        out.flush();
                    }
                } catch (IOException e) {
                    // Committed (or refused) already; the SMSC delivers again on a new bind and gets the same answer.
                    LOG.debug("deliver_sm_resp not sent, the connection is gone: {}", e.getMessage());
                } finally {
                    writing.set(false);
                }
            }
        }
    }
}
