package org.hotline81890.simulators.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A SIP client over WebSocket (the JDK's client, subprotocol "sip") that queues every whole message it receives. */
final class SipTestClient implements WebSocket.Listener {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final WebSocket ws;

    SipTestClient(HttpClient http, int port) {
        ws = http.newWebSocketBuilder().subprotocols("sip")
                .buildAsync(URI.create("ws://127.0.0.1:" + port), this).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    void send(String sip) {
        ws.sendText(sip, true).join();
    }

    SipMessage next() throws InterruptedException {
        String m = received.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a SIP message within 5 s").isNotNull();
        return SipMessage.parse(m);
    }
}
