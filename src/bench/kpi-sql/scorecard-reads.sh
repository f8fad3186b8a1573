#!/usr/bin/env bash
# Times the reads of one provider's scorecard for "today" (GET /api/admin/providers/{id}/scorecard) on the seeded
# database (seed.sql with SET @days = 2: 120,000 orders, today the second day), as KpiReport.scorecard reads today
# (every offer of the day and every survey outcome of the day, paired and counted in Java) and as it could read in
# SQL (the offers of the orders the provider had an offer of, by ix_offer_provider, and only their outcomes), three
# runs each, best and worst, with the rows the client received.
# Usage: src/bench/kpi-sql/scorecard-reads.sh mariadb-client-arguments... (e.g. --socket=S -uroot hotline_bench)
set -euo pipefail
SINCE="'2026-11-29 16:00:00'"   # 2026-11-30 00:00 Beijing
PROVIDER="'P-B007'"
OFFER_COLS="id, work_order, service_code, area, request_kind, emergency, provider_id, kind, state, offered_at,
  accept_by, handle_by, answered_at, started_at, finished_at, note, extensions, overdue, version"
OUTCOME="(to_state = 'SURVEYED' OR (to_state = 'CLOSED' AND details LIKE '%no reply%'))"
MINE="SELECT work_order FROM offer WHERE provider_id = $PROVIDER AND offered_at >= $SINCE"
declare -a NAMES SQLS
add() { NAMES+=("$1"); SQLS+=("$2"); }
add "NOW every offer of today, every column (MySqlOfferStore.offeredSince)" "SELECT $OFFER_COLS FROM offer
  WHERE offered_at >= $SINCE ORDER BY offered_at, id"
add "NOW every survey outcome of today (MySqlOfferSurveys.since)" "SELECT work_order_id, at, to_state, details
  FROM work_order_event WHERE at >= $SINCE AND $OUTCOME ORDER BY id"
add "SQL the offers of the provider's orders of today" "SELECT $OFFER_COLS FROM offer
  WHERE work_order IN ($MINE) AND offered_at >= $SINCE ORDER BY offered_at, id"
add "SQL the survey outcomes of those orders" "SELECT work_order_id, at, to_state, details FROM work_order_event
  WHERE work_order_id IN (SELECT CAST(work_order AS UNSIGNED) FROM offer WHERE provider_id = $PROVIDER
  AND offered_at >= $SINCE) AND at >= $SINCE AND $OUTCOME ORDER BY id"
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
