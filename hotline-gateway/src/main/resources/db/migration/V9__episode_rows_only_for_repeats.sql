-- The SMS dedup window (V5) now reads episode 0 of a hash key from what is stored under it (the work order, or the
-- note of a message over the rate limit) and keeps sms_key_episode rows only for keys that came again after the
-- window (episode 1 and later). Until now every message wrote its key's row with episode 0: a row with a random
-- 68-character primary key per message, read by nothing once the window had passed. Those rows go; a key whose
-- episode-0 order is older than the window and has no row starts episode 1, exactly as the row would have said.
DELETE FROM sms_key_episode WHERE episode = 0;
