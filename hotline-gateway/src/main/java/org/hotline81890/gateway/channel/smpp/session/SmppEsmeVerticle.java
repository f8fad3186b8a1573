package org.hotline81890.gateway.channel.smpp.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.hotline81890.gateway.channel.smpp.intake.PartSweeper;
import org.jsmpp.session.MessageReceiverListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the configured binds and the reassembly sweeper. Deploy with {@code ThreadingModel.VIRTUAL_THREAD}:
 * start/stop block on jSMPP and the sweeper calls the handler (JDBC) on the timer's virtual thread.
 */
public final class SmppEsmeVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SmppEsmeVerticle.class);

    private final List<SmppBind> binds;
    private final PartSweeper sweeper;
    private final Duration sweepInterval;
    private long timerId = -1;

    public SmppEsmeVerticle(List<SmppBindConfig> configs, MessageReceiverListener listener, PartSweeper sweeper,
            Duration sweepInterval) {
        this.binds = configs.stream().map(c -> new SmppBind(c, listener)).toList();
        this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
        this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval");
    }

    /** The binds, for an {@link SmsSubmitter} and for health checks. */
    public List<SmppBind> binds() {
        return binds;
    }

    @Override
    public Future<?> start() {
        binds.forEach(SmppBind::start);
        timerId = vertx.setPeriodic(sweepInterval.toMillis(), id -> sweep());
        return Future.succeededFuture();
    }

    private void sweep() {
        try {
            sweeper.sweepOnce();
        } catch (RuntimeException e) {
            LOG.warn("Reassembly sweep failed, will try again in {}", sweepInterval, e);
        }
    }

    @Override
    public Future<?> stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        binds.forEach(SmppBind::close);
        return Future.succeededFuture();
    }
}
