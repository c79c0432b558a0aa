-- A claim reads due jobs in (run_at, id) order up to its limit: with id in the index that is a plain ordered range
-- scan, with no sort of the jobs that share a run_at (a bulk send's batch jobs all do).
DROP INDEX jobs_claim;
CREATE INDEX jobs_claim ON jobs (queue, status, run_at, id);
