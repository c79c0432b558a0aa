-- Idempotency keys are now claimed, applied and answered in the transaction of the request's effect, so a committed
-- 'running' key exists only for a two-step request (an M-Pesa top-up, between its record and its STK Push), and it
-- names what it created so a retry can answer from it. Keys left 'running' by the earlier three-transaction scheme
-- belong to requests that died half-way; they answered every retry with 409 for a day: forget them.
ALTER TABLE idempotency_keys ADD COLUMN resource_id VARCHAR(40);
DELETE FROM idempotency_keys WHERE state = 'running';
