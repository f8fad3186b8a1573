package org.hotline81890.gateway.wiring;

import java.time.Duration;

import org.hotline81890.gateway.channel.ami.AmiConnector;
import org.hotline81890.gateway.channel.ami.OriginateDelivery;
import org.hotline81890.gateway.channel.ami.OriginateTracker;
import org.hotline81890.gateway.channel.ami.Originator;
import org.hotline81890.gateway.channel.ami.PendingCallEvents;
import org.hotline81890.gateway.channel.ami.QueueEventRecorder;
import org.hotline81890.gateway.channel.http.HealthCheck;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.storage.mysql.MySqlCallRecords;
import org.hotline81890.gateway.voice.CallRecords;

/** The AMI half of the voice module: the connection, queue events into call records, originate delivery. */
public final class AmiModulePart implements AutoCloseable {
    /** Call-record events kept while the database is down (about 200 bytes each on disk). */
    static final int PENDING_LIMIT = 100_000;
    static final Duration PENDING_RETRY = Duration.ofSeconds(2);
    private final AmiConnector connector;
    private final QueueEventRecorder recorder;
    private final OriginateDelivery originates;
    private final CallRecords records;
    private final Originator originator;

    public AmiModulePart(Core core) {
        this.connector = new AmiConnector(core.config().ami());
        this.records = new MySqlCallRecords(core.database().transactions());
        this.recorder = new QueueEventRecorder(records, core.clock(), new PendingCallEvents(
                core.config().data().dir().resolve("voice/call-events.pending"), PENDING_LIMIT), PENDING_RETRY);
        OriginateTracker tracker = new OriginateTracker();
        this.originator = new Originator(connector, tracker, core.config().ami());
        this.originates = new OriginateDelivery(originator);
        connector.addListener(recorder);
        connector.addListener(tracker);
    }

    public void start() {
        connector.start();
    }

    public OutboxDelivery originates() {
        return originates;
    }

    Originator originator() {
        return originator;
    }

    public HealthCheck healthCheck() {
        return HealthCheck.informative("ami", connector::isConnected);
    }

    public boolean isConnected() {
        return connector.isConnected();
    }

    public CallRecords callRecords() {
        return records;
    }

    @Override
    public void close() {
        connector.close();
        recorder.close();
    }
}
