package org.hotline81890.simulators.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Asterisk-Java manager client against {@link AmiServerSimulator}: MD5 login, originate, events. */
class AsteriskJavaAmiInteropTest {

    private AmiServerSimulator sim;
    private ManagerConnection connection;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = new AmiServerSimulator(AmiServerConfig.defaults()).start();
        connection = new ManagerConnectionFactory("127.0.0.1", sim.port(), "hotline", "hotline-secret")
                .createManagerConnection();
        connection.addEventListener(events::add);
    }

    @AfterEach
    void stop() {
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
        sim.stop();
    }

    @Test
    void loginOriginateShouldDeliverResponseAndEventsAsAsteriskJavaClasses() throws Exception {
        connection.login();

        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/81890@callback");
        originate.setContext("survey");
        originate.setExten("s");
        originate.setPriority(1);
        originate.setCallerId("\"Hotline\" <81890>");
        originate.setAsync(true);
        originate.setActionId("cb-42");
        ManagerResponse response = connection.sendAction(originate, 5000);

        assertThat(response.getResponse()).isEqualTo("Success");
        assertThat(response.getMessage()).isEqualTo("Originate successfully queued");
        waitFor(() -> events.stream().anyMatch(OriginateResponseEvent.class::isInstance));
        OriginateResponseEvent result = events.stream().filter(OriginateResponseEvent.class::isInstance)
                .map(OriginateResponseEvent.class::cast).findFirst().orElseThrow();
        assertThat(result.getActionId()).isEqualTo("cb-42");
        assertThat(result.getResponse()).isEqualTo("Success");
        assertThat(result.getReason()).isEqualTo(4);
        assertThat(events).filteredOn(NewChannelEvent.class::isInstance).hasSize(2);

        ChannelSnapshot caller = sim.call(result.getChannel()).orElseThrow().two();
        sim.publish(QueueEvents.callerJoin(caller, "hotline", 1, 1));
        waitFor(() -> events.stream().anyMatch(QueueCallerJoinEvent.class::isInstance));
        QueueCallerJoinEvent join = events.stream().filter(QueueCallerJoinEvent.class::isInstance)
                .map(QueueCallerJoinEvent.class::cast).findFirst().orElseThrow();
        assertThat(join.getQueue()).isEqualTo("hotline");
        assertThat(join.getUniqueId()).isEqualTo(caller.uniqueId());
    }

    @Test
    void failedOriginateShouldBeReportedByTheOriginateResponseEvent() throws Exception {
        sim.setOriginateOutcome(ch -> new OriginateOutcome.Busy());
        connection.login();
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/13800001111@outbound");
        originate.setApplication("Wait");
        originate.setData("5");
        originate.setAsync(true);
        connection.sendAction(originate, 5000);

        waitFor(() -> events.stream().anyMatch(OriginateResponseEvent.class::isInstance));
        OriginateResponseEvent result = events.stream().filter(OriginateResponseEvent.class::isInstance)
                .map(OriginateResponseEvent.class::cast).findFirst().orElseThrow();
        assertThat(result.getResponse()).isEqualTo("Failure");
        assertThat(result.getReason()).isEqualTo(5);
    }

    @Test
    void wrongSecretShouldFailLogin() {
        ManagerConnection bad = new ManagerConnectionFactory("127.0.0.1", sim.port(), "hotline", "wrong")
                .createManagerConnection();
        assertThatThrownBy(bad::login).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void droppedConnectionShouldBeReEstablishedByTheClient() throws Exception {
        connection.login();
        waitFor(() -> sim.connectionCount() == 1);

        sim.dropAllConnections();

        waitFor(() -> connection.getState() == ManagerConnectionState.RECONNECTING
                || sim.connectionCount() == 0);
        waitFor(() -> connection.getState() == ManagerConnectionState.CONNECTED && sim.connectionCount() == 1);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
