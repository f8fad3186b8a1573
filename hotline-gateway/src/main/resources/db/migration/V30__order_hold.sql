-- Work orders the night and weekend policy holds for a provider's opening (ADR 0019), with the provider expected to
-- take each then: the policy counts them as load at that opening when it holds the next one, so a night's orders
-- are spread over the openings where there will be room (hotline-gateway/docs/simulated-day.md). A row lives from
-- the hold to its opening; the hold's deadline (subject type 'hold') deletes it.
CREATE TABLE order_hold (
    work_order   VARCHAR(64)  NOT NULL,
    provider_id  VARCHAR(40)  NOT NULL,
    offer_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (work_order),
    KEY ix_order_hold_at (offer_at, provider_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row whose lock a decision to hold takes until its transaction commits (MySqlHeldJobs.exclusively): two orders
-- held at once cannot both count the same room at an opening.
CREATE TABLE order_hold_turn (
    id  TINYINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
INSERT INTO order_hold_turn (id) VALUES (1);
