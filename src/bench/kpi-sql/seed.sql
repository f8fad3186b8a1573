-- Seeds a schema migrated to V29 with N days of 60,000 orders a day (MariaDB's SEQUENCE engine), each with the
-- events, offers and survey answers of a busy hotline, to check the KPI charts' SQL with EXPLAIN and a timer.
-- Usage (see README.md): mariadb DB < seed.sql   (@days defaults to 7)
SET @days = COALESCE(@days, 7);
SET @n = 60000 * @days;
SET @start = TIMESTAMP('2026-11-28 16:00:00.000');   -- 2026-11-29 00:00 Beijing
SET SESSION max_recursive_iterations = 10000000;

INSERT INTO provider (id, kind, name, services, coverage, hours, capacity, status, rating)
SELECT CONCAT('P-B', LPAD(seq, 3, '0')), ELT(1 + seq % 3, 'DEPARTMENT', 'PARTNER_COMPANY', 'VOLUNTEER_TEAM'),
       CONCAT('压测服务单位', seq), 'HK-01', '海曙区', '24h', 50, 'ACTIVE', 4.0
FROM seq_1_to_40;

INSERT INTO work_order (id, ticket, idempotency_key, channel, caller_number, request_type, text, service_code,
                        district, priority, state, created_at, updated_at)
SELECT seq, LPAD(seq, 9, '0'), CONCAT('bench:', seq), ELT(1 + seq % 3, 'PHONE', 'WEB', 'SMS'),
       CONCAT('138', LPAD(seq % 50000, 8, '0')), 'HELP', '需要帮忙',
       CONCAT(ELT(1 + seq % 10, 'HK', 'UT', 'MH', 'TR', 'ER', 'EN', 'HS', 'ED', 'SO', 'CO'), '-0', 1 + seq % 5),
       ELT(1 + seq % 6, '海曙区', '江北区', '鄞州区', '镇海区', '北仑区', '奉化区'), 'NORMAL', 'CLOSED',
       @start + INTERVAL (seq * 86400 DIV 60000) SECOND, @start + INTERVAL (seq * 86400 DIV 60000) SECOND
FROM seq_1_to_10000000 WHERE seq <= @n;

-- Eight events an order: received, matched, offered, accepted, on the way (recorded while ACCEPTED), completed,
-- surveyed (the answer as the survey use case writes it), closed (every fourth as "no reply", the scheduler's
-- words); step k comes (k - 1) * (id mod 3600) seconds after receipt.
INSERT INTO work_order_event (work_order_id, at, actor, channel, from_state, to_state, details)
SELECT w.id, w.created_at + INTERVAL (s.seq - 1) * (w.id % 3600) SECOND, 'bench', 'SYSTEM',
       ELT(s.seq, NULL, 'RECEIVED', 'MATCHED', 'OFFERED', 'ACCEPTED', 'ACCEPTED', 'COMPLETED', 'SURVEYED'),
       ELT(s.seq, 'RECEIVED', 'MATCHED', 'OFFERED', 'ACCEPTED', 'ACCEPTED', 'COMPLETED', 'SURVEYED', 'CLOSED'),
       CASE WHEN s.seq = 7 THEN CONCAT('survey answer: ', IF(w.id % 50 = 0, '不满意', IF(w.id % 3 = 0, '基本满意', '满意')))
            WHEN s.seq = 8 AND w.id % 4 = 0 THEN 'no reply' ELSE 'bench event' END
FROM work_order w JOIN seq_1_to_8 s WHERE w.idempotency_key LIKE 'bench:%';

-- One completed offer an order, and an expired one before it for every third order.
INSERT INTO offer (id, work_order, service_code, area, request_kind, emergency, provider_id, kind, state, offered_at,
                   accept_by, handle_by, answered_at, started_at, finished_at, extensions, overdue, version)
SELECT CONCAT('bench-', w.id), w.id, w.service_code, w.district, 'HELP', FALSE,
       CONCAT('P-B', LPAD(1 + w.id % 40, 3, '0')), 'ASSIGNMENT', 'COMPLETED',
       w.created_at + INTERVAL 2 * (w.id % 3600) SECOND, w.created_at + INTERVAL 2 * (w.id % 3600) + 300 SECOND,
       w.created_at + INTERVAL 1 DAY, w.created_at + INTERVAL 3 * (w.id % 3600) SECOND,
       w.created_at + INTERVAL 3 * (w.id % 3600) SECOND, w.created_at + INTERVAL 5 * (w.id % 3600) SECOND, 0,
       w.id % 50 = 0, 1
FROM work_order w WHERE w.idempotency_key LIKE 'bench:%';
INSERT INTO offer (id, work_order, service_code, area, request_kind, emergency, provider_id, kind, state, offered_at,
                   accept_by, answered_at, extensions, overdue, version)
SELECT CONCAT('bench-x-', w.id), w.id, w.service_code, w.district, 'HELP', FALSE,
       CONCAT('P-B', LPAD(1 + (w.id + 7) % 40, 3, '0')), 'ASSIGNMENT', 'EXPIRED', w.created_at,
       w.created_at + INTERVAL 300 SECOND, w.created_at + INTERVAL 300 SECOND, 0, FALSE, 1
FROM work_order w WHERE w.idempotency_key LIKE 'bench:%' AND w.id % 3 = 0;

-- A survey answer for every fifth order: mostly satisfied, one in ten unsatisfied.
INSERT INTO provider_survey_score (work_order_id, work_order_version, provider_id, offer_id, score, answered_at)
SELECT w.id, 7, CONCAT('P-B', LPAD(1 + w.id % 40, 3, '0')), CONCAT('bench-', w.id),
       IF(w.id % 50 = 0, 1, IF(w.id % 3 = 0, 4, 5)), w.created_at + INTERVAL 6 * (w.id % 3600) SECOND
FROM work_order w WHERE w.idempotency_key LIKE 'bench:%' AND w.id % 5 = 0;

ANALYZE TABLE work_order, work_order_event, offer, provider_survey_score;
