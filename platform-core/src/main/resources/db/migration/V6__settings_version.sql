-- Bumped, under the tenant's row lock, by every change to a tenant setting that event consumers keep in memory (the
-- webhook subscription today). Whoever appends an event holds that same lock and reads the version with the event's
-- sequence number, so a consumer's copy is current exactly when its version matches: no per-event query needed.
ALTER TABLE tenants ADD COLUMN settings_version BIGINT NOT NULL DEFAULT 0;
