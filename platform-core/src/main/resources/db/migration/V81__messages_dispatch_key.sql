-- A multi-recipient SMS send (and a campaign's part) is dispatched by one job per chunk of messages (kind
-- sms.send-batch, payload the chunk's message ids) instead of one job per message. dispatch_key is the dedupe_key
-- of the job that carries the message; NULL (single sends, WhatsApp, rows from before) means the message's own id.
-- Cancelling a message or pausing a campaign finds the job by COALESCE(dispatch_key, id). No index: those lookups
-- start from the message (by id, or by batch_id), and a bulk send writes no second index entry per recipient.
ALTER TABLE messages ADD COLUMN dispatch_key VARCHAR(40);
