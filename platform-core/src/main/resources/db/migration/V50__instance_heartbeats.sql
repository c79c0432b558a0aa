-- One row per running instance (a process that runs workers), beaten every few seconds. An instance whose row
-- went stale died (kill -9, lost host): the others release the jobs it had claimed instead of waiting out the lease.
CREATE TABLE instances (
    id           VARCHAR(80)  PRIMARY KEY,
    host         VARCHAR(200) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Finding one instance's claims (to release them) without scanning every finished job.
CREATE INDEX jobs_locked_by ON jobs (locked_by);

-- One upstream's send rate shared by all instances (ONFON_MAX_TPS, WHATSAPP_MAX_MPS): the time from which the next
-- message may go, booked forward by each batch (a rate limiter in the manner of GCRA).
CREATE TABLE upstream_rates (
    upstream  VARCHAR(40) PRIMARY KEY,
    next_free TIMESTAMP WITH TIME ZONE NOT NULL
);
