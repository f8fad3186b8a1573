#!/usr/bin/env bash
# Times each read of the wallboard's figures and of /api/admin/kpis for "today" on the seeded database (seed.sql with
# SET @days = 2: today is the second day), before and after issue 15's counting in SQL, in one sitting: the "before"
# reads are the old adapters' statements with V32's index ignored, as they ran before it. Prints the best and worst of
# three runs of each, with the rows the client received (printed to /dev/null, as the gateway would read them).
# Usage: src/bench/kpi-sql/wallboard-reads.sh mariadb-client-arguments... (e.g. --socket=S -uroot hotline_bench)
set -euo pipefail
SINCE="'2026-11-29 16:00:00'"   # 2026-11-30 00:00 Beijing
NOW="'2026-11-30 10:00:00'"
OFFER_COLS="id, work_order, service_code, area, request_kind, emergency, provider_id, kind, state, offered_at,
  accept_by, handle_by, answered_at, started_at, finished_at, note, extensions, overdue, version"
outcomes() {
  echo "SELECT work_order_id, at, to_state, details FROM work_order_event $1 WHERE at >= $SINCE
    AND (to_state = 'SURVEYED' OR (to_state = 'CLOSED' AND details LIKE '%no reply%')) ORDER BY id"
}
escalated() {
  echo "SELECT w.service_code, COUNT(DISTINCT w.id) AS n FROM work_order_event e $1 JOIN work_order w
    ON w.id = e.work_order_id WHERE e.at >= $SINCE AND e.to_state = 'ESCALATED' AND NOT EXISTS (SELECT 1 FROM offer o
    WHERE o.work_order = CAST(w.id AS CHAR) COLLATE utf8mb4_unicode_ci) GROUP BY w.service_code"
}
offers() {   # MySqlOfferKpis.OFFERS with the group key $1
  echo "SELECT g, FLOOR(LN(GREATEST(1, ms)) / LN(1.01)) AS b, COUNT(*) AS offers, SUM(acc) AS accepted,
    SUM(st = 'DECLINED') AS declined, SUM(st = 'EXPIRED') AS expired, SUM(st = 'COMPLETED') AS completed,
    SUM(overdue) AS overdue, MAX(ms) AS top FROM (SELECT g, st, overdue, acc,
    IF(acc, TIMESTAMPDIFF(MICROSECOND, offered_at, answered_at) DIV 1000, NULL) AS ms FROM (
    SELECT $1 AS g, o.state AS st, o.overdue, o.offered_at, o.answered_at,
    (o.answered_at IS NOT NULL AND (o.state IN ('ACCEPTED', 'STARTED', 'COMPLETED')
    OR (o.state = 'CANCELLED' AND o.finished_at IS NOT NULL))) AS acc FROM offer o WHERE o.offered_at >= $SINCE) y) x
    GROUP BY g, b"
}
declare -a NAMES SQLS
add() { NAMES+=("$1"); SQLS+=("$2"); }
add "open / late orders (MySqlOrderCounts)" "SELECT COUNT(*), COALESCE(SUM(complete_by < $NOW), 0) FROM work_order
  WHERE state IN ('RECEIVED','MATCHED','OFFERED','ACCEPTED','ESCALATED','REOPENED')"
add "orders received today (MySqlOrderCounts)" "SELECT COUNT(*) FROM work_order WHERE created_at >= $SINCE"
add "texts received today (MySqlOrderCounts)" "SELECT COUNT(*) FROM outbox WHERE kind = 'sms' AND created_at >= $SINCE
  AND dedupe_key LIKE 'sms-reply:%'"
add "BEFORE today's offers, every column (MySqlOfferStore.offeredSince)" "SELECT $OFFER_COLS FROM offer
  WHERE offered_at >= $SINCE ORDER BY offered_at, id"
add "BEFORE today's survey outcomes, no V32 (MySqlOfferSurveys.since)" "$(outcomes 'IGNORE INDEX (ix_event_state_at)')"
add "BEFORE escalated without an offer, no V32" "$(escalated 'IGNORE INDEX (ix_event_state_at)')"
add "AFTER offers counted, whole hotline (MySqlOfferKpis, ALL)" "$(offers "'all'")"
add "AFTER offers counted per category (MySqlOfferKpis, CATEGORY)" "$(offers 'LEFT(o.service_code, 2)')"
add "AFTER offers counted per provider (MySqlOfferKpis, PROVIDER)" "$(offers 'o.provider_id')"
add "AFTER completed offers' order, provider, service (MySqlOfferKpis)" "SELECT work_order, provider_id, service_code
  FROM offer WHERE offered_at >= $SINCE AND state = 'COMPLETED' ORDER BY offered_at, finished_at, id"
add "AFTER today's survey outcomes, V32 there (MySqlOfferSurveys.since)" "$(outcomes '')"
add "AFTER escalated without an offer, V32 there" "$(escalated '')"
printf '%-72s %8s %8s %8s  %s\n' read best_ms worst_ms rows plan
for i in "${!NAMES[@]}"; do
  best=999999; worst=0; rows=0
  for run in 1 2 3; do
    s=$(date +%s%N)
    rows=$(mariadb "$@" --default-character-set=utf8mb4 -N -e "${SQLS[$i]}" | wc -l)
    ms=$(( ($(date +%s%N) - s) / 1000000 ))
    (( ms < best )) && best=$ms
    (( ms > worst )) && worst=$ms
  done
  plan=$(mariadb "$@" --default-character-set=utf8mb4 -N -e "EXPLAIN ${SQLS[$i]}" \
    | awk -F'\t' '{printf "%s%s %s %s", (NR > 1 ? "; " : ""), $3, $4, $6}')
  printf '%-72s %8d %8d %8d  %s\n' "${NAMES[$i]}" "$best" "$worst" "$rows" "$plan"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
