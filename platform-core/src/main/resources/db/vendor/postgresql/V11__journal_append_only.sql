-- The journal is append-only: an entry, once inserted, is never changed or removed, whoever asks.
CREATE FUNCTION wallet_transactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'wallet_transactions is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation', HINT = 'record a new entry (a refund, a credit) instead';
END;
$$;

CREATE TRIGGER wallet_transactions_no_update_or_delete
    BEFORE UPDATE OR DELETE ON wallet_transactions
    FOR EACH ROW EXECUTE FUNCTION wallet_transactions_append_only();

CREATE TRIGGER wallet_transactions_no_truncate
    BEFORE TRUNCATE ON wallet_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION wallet_transactions_append_only();
