-- The journal is append-only: an entry, once inserted, is never changed or removed, whoever asks.
-- H2 runs triggers as Java classes; this one refuses every UPDATE and DELETE.
CREATE TRIGGER wallet_transactions_no_update_or_delete
    BEFORE UPDATE, DELETE ON wallet_transactions
    FOR EACH ROW CALL 'io.jumbe.core.wallet.AppendOnlyJournal';
