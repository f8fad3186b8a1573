package org.hotline81890.gateway;

import java.time.Clock;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.matching.Corrections;
import org.hotline81890.gateway.schedule.DeadlineStore;
import org.hotline81890.gateway.storage.mysql.Database;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/** The shared parts every module is built from. Built once in {@link HotlineApp}. */
public record Core(HotlineConfig config, Clock clock, Database database, Vertx vertx,
                   PrometheusMeterRegistry registry, Directory directory, Matcher matcher, Corrections corrections,
                   WorkOrderStore store, Outbox outbox, DeadlineStore deadlines, Intake intake, Tracker tracker,
                   Survey survey, Blocking blocking) {
}
