-- Issue 20, bug 1: every accepted text gets its own reply. A text without an SMSC message id is keyed by a hash of
-- sender, recipient and text, so the second 查询 of a day (or the same survey digit on two orders, or a provider's
-- second 完成) had the key of the first, and its reply's outbox row (sms-reply:<key>) collided and was dropped.
-- Each hash key that got a reply has an episode here: arrivals within smpp.redelivery-window of the episode's first
-- arrival are the SMSC redelivering one message (one reply: sms-reply:<key>, or sms-reply:<key>~<n>); a later one
-- starts episode n+1 with a reply of its own. Upserted under the key's row lock, so concurrent arrivals agree.
CREATE TABLE sms_reply_episode (
    message_key VARCHAR(191) NOT NULL,
    episode     INT          NOT NULL,
    first_seen  DATETIME(3)  NOT NULL,
    PRIMARY KEY (message_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
