package org.hotline81890.gateway.wiring;

import java.time.Clock;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.matching.Corrections;
import org.hotline81890.gateway.schedule.DeadlineStore;
import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.storage.mysql.Database;
import org.hotline81890.gateway.storage.mysql.GroupCommitWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * What the composition root builds once and its wings (SmsModule, VoiceModule, PartnerModule) are built from. Only
 * classes in this package see it: everything they build receives the ports and use cases it uses, never this record.
 * One {@link Intake} for every channel, over the group-committing store; {@code dedupWindow} is the SMS dedup
 * window on the same intake lane.
 */
public record Core(HotlineConfig config, Clock clock, Database database, Vertx vertx,
                   PrometheusMeterRegistry registry, Directory directory, Matcher matcher, Corrections corrections,
                   WorkOrderStore store, Outbox outbox, DeadlineStore deadlines, Intake intake, Tracker tracker,
                   Survey survey, Blocking blocking, DedupWindow dedupWindow,
                   GroupCommitWorkOrderStore groupCommit) {
}
