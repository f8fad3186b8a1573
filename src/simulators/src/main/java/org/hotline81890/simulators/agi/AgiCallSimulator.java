package org.hotline81890.simulators.agi;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays Asterisk's side of FastAGI: connects to a FastAGI server, sends the environment block, answers every
 * command as Asterisk 22 does, and sends the out-of-band {@code HANGUP} lines (after the reply to the command
 * during which the channel went down, and once more when the server half-closes). One instance is thread-safe and
 * can run thousands of calls at once, one per (virtual) thread; AstDB entries are shared by its calls.
 */
public final class AgiCallSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(AgiCallSimulator.class);
    private static final byte[] HANGUP = "HANGUP\n".getBytes(StandardCharsets.US_ASCII);

    private final ConcurrentMap<String, String> astDb = new ConcurrentHashMap<>();
    private final Duration readTimeout;

    public AgiCallSimulator() {
        this(Duration.ofSeconds(30));
    }

    /** @param readTimeout how long to wait for the server's next command before giving the call up */
    public AgiCallSimulator(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Runs one call to completion on the calling thread. Never throws for network trouble: see {@code failure}. */
    public AgiCallResult run(String host, int port, AgiCallSpec spec, CallerScript caller) {
        long started = System.nanoTime();
        AgiChannel ch = new AgiChannel(spec, caller, astDb);
        List<AgiExchange> exchanges = new ArrayList<>();
        int[] oob = {0};
        boolean closed = false;
        Optional<String> failure = Optional.empty();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            try {
                socket.connect(new InetSocketAddress(host, port), (int) readTimeout.toMillis());
            } catch (IOException e) {
                // launch_netscript: no connection, AGI() sets AGISTATUS=FAILURE and the dialplan carries on.
                return new AgiCallResult(spec.uniqueId(), List.of(), List.of(), ch.variables(),
                        AgiCallResult.HangupSource.NONE, 0, false,
                        Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()), "FAILURE",
                        Duration.ofNanos(System.nanoTime() - started));
            }
            socket.setSoTimeout((int) readTimeout.toMillis());
            closed = converse(socket, ch, caller, exchanges, oob);
        } catch (IOException e) {
            LOG.debug("call {} ended by I/O error", spec.uniqueId(), e);
            failure = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new AgiCallResult(spec.uniqueId(), exchanges, ch.variablesSet(), ch.variables(), ch.hangupSource(),
                oob[0], closed, failure, ch.agiStatus(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Runs every call at once, one virtual thread each, and returns the results in the same order. */
    public List<AgiCallResult> runAll(String host, int port, List<AgiCallSpec> specs, CallerScript caller) {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<AgiCallResult>> futures = new ArrayList<>();
            for (AgiCallSpec s : specs) {
                futures.add(ex.submit(() -> run(host, port, s, caller)));
            }
            List<AgiCallResult> out = new ArrayList<>();
            for (Future<AgiCallResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running calls", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated call failed", e.getCause());
        }
    }

    private static boolean converse(Socket socket, AgiChannel ch, CallerScript caller, List<AgiExchange> exchanges,
            int[] oob) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write(AgiEnvironment.render(ch.spec));
        out.flush();
        long lastWrite = System.nanoTime();
        while (true) {
            Optional<String> line = readLine(in);
            long received = System.nanoTime();
            if (line.isEmpty()) {
                out.write(HANGUP);
                out.flush();
                oob[0]++;
                return true;
            }
            AgiReply reply = AgiCommandHandler.handle(ch, line.get());
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            buf.writeBytes((reply.text() + "\n").getBytes(StandardCharsets.UTF_8));
            boolean callerLeaves = caller.hangUpAfterCommand().isPresent()
                    && caller.hangUpAfterCommand().getAsInt() == exchanges.size() + 1 && ch.alive();
            if (callerLeaves) {
                ch.hangUp(AgiCallResult.HangupSource.CALLER);
            }
            if (reply.hangsUp() || callerLeaves) {
                buf.writeBytes(HANGUP);
                oob[0]++;
            }
            out.write(buf.toByteArray());
            out.flush();
            exchanges.add(new AgiExchange(line.get(), reply.text(), Duration.ofNanos(received - lastWrite)));
            lastWrite = System.nanoTime();
        }
    }

    /** One LF-terminated line (UTF-8, LF stripped); empty at end of stream. */
    private static Optional<String> readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return Optional.of(buf.toString(StandardCharsets.UTF_8));
            }
            buf.write(b);
        }
        return buf.size() == 0 ? Optional.empty() : Optional.of(buf.toString(StandardCharsets.UTF_8));
    }
}
