package org.hotline81890.simulators.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.hotline81890.simulators.transcript.Direction;
import org.hotline81890.simulators.transcript.Transcript;
import org.hotline81890.simulators.transcript.TranscriptLine;
import org.hotline81890.simulators.transcript.TranscriptReader;

/**
 * Plays the non-Asterisk side of a transcript over a socket connected to a simulator: sends each {@code <} line
 * only after every {@code >} line before it has arrived, checks each {@code >} line byte for byte, half-closes
 * where the transcript's note says so, and at the end expects the simulator to close the connection.
 */
public final class ReplayingPeer {

    private ReplayingPeer() {
    }

    /** @return every byte the simulator sent */
    public static byte[] replay(Socket socket, Transcript transcript) throws IOException {
        return replay(socket, transcript, UnaryOperator.identity());
    }

    /** @param expectedRewrite applied to each expected {@code >} line (escaped form) before comparing */
    public static byte[] replay(Socket socket, Transcript transcript, UnaryOperator<String> expectedRewrite)
            throws IOException {
        return replay(socket, transcript, expectedRewrite, line -> { });
    }

    /** @param beforeSend called with each {@code <} line (escaped) just before it is sent, e.g. to move a clock */
    public static byte[] replay(Socket socket, Transcript transcript, UnaryOperator<String> expectedRewrite,
            Consumer<String> beforeSend) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int index = 0;
        for (TranscriptLine line : transcript.lines()) {
            switch (line) {
                case TranscriptLine.Note n when n.text().contains("shutdown(SHUT_WR)") -> socket.shutdownOutput();
                case TranscriptLine.Note n -> { }
                case TranscriptLine.WireLine w when w.direction() == Direction.TO_ASTERISK -> {
                    beforeSend.accept(TranscriptReader.escape(w.bytes()));
                    out.write(w.bytes());
                    out.flush();
                }
                case TranscriptLine.WireLine w -> {
                    String expected = expectedRewrite.apply(TranscriptReader.escape(w.bytes()));
                    byte[] got = in.readNBytes(TranscriptReader.unescape(expected).length);
                    received.writeBytes(got);
                    assertThat(TranscriptReader.escape(got))
                            .as("line %d of the transcript (at %.3f s)", index, w.seconds())
                            .isEqualTo(expectedRewrite.apply(TranscriptReader.escape(w.bytes())));
                }
            }
            index++;
        }
        byte[] rest = in.readAllBytes();
        assertThat(TranscriptReader.escape(rest)).as("bytes after the transcript ended").isEmpty();
        return received.toByteArray();
    }
}
