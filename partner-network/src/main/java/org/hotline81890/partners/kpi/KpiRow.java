package org.hotline81890.partners.kpi;

import java.time.Duration;
import java.util.Optional;

/**
 * Supervisor KPIs for one group (a category like {@code HK}, or a provider id).
 *
 * @param response     响应率: offers answered (accepted or declined) before the deadline / offers due an answer
 * @param resolution   解决率: completed / accepted
 * @param satisfaction 满意率: satisfied or basically satisfied / surveys answered (no reply apart, in noReply)
 * @param overdue      transfers that missed their handling deadline (督办), counted against the department
 * @param p50          response-time percentiles (offered → accepted), nearest rank; empty without acceptances
 */
public record KpiRow(String group, int offers, Rate response, Rate resolution, Rate satisfaction, int noReply,
        int overdue, Optional<Duration> p50, Optional<Duration> p90, Optional<Duration> p99) {
}
