-- A tenant's phone book. The phone is canonical (2547…/2541…) and unique per tenant; attributes are a JSON object
-- of strings kept as text, read and written whole by ContactService (never queried inside the database).
CREATE TABLE contacts (
    id          VARCHAR(40)    PRIMARY KEY,
    tenant_id   BIGINT         NOT NULL REFERENCES tenants (id),
    phone       VARCHAR(16)    NOT NULL,
    name        VARCHAR(200),
    email       VARCHAR(254),
    attributes  VARCHAR(20000) NOT NULL DEFAULT '{}',
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT contacts_tenant_phone UNIQUE (tenant_id, phone)
);
CREATE INDEX contacts_tenant_created ON contacts (tenant_id, created_at);

-- Groups are names made on first use; membership rows go with their contact.
CREATE TABLE contact_groups (
    tenant_id   BIGINT       NOT NULL REFERENCES tenants (id),
    name        VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
CREATE TABLE contact_group_members (
    tenant_id   BIGINT       NOT NULL,
    group_name  VARCHAR(64)  NOT NULL,
    contact_id  VARCHAR(40)  NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, group_name, contact_id),
    FOREIGN KEY (tenant_id, group_name) REFERENCES contact_groups (tenant_id, name) ON DELETE CASCADE
);
CREATE INDEX contact_group_members_contact ON contact_group_members (contact_id);

-- Numbers that asked not to be messaged by this tenant, with when and how (proof for the regulator).
CREATE TABLE opt_outs (
    tenant_id    BIGINT       NOT NULL REFERENCES tenants (id),
    phone        VARCHAR(16)  NOT NULL,
    reason       VARCHAR(500),
    source       VARCHAR(8)   NOT NULL CHECK (source IN ('api', 'import', 'reply')),
    opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, phone)
);
CREATE INDEX opt_outs_tenant_time ON opt_outs (tenant_id, opted_out_at);

-- A CSV import: the request streams its rows into contact_import_rows and answers; a job applies them in parts,
-- each part deleting its staged rows and adding to the counts in one transaction, so a crash resumes where it was.
CREATE TABLE contact_imports (
    id           VARCHAR(40)  PRIMARY KEY,
    tenant_id    BIGINT       NOT NULL REFERENCES tenants (id),
    group_name   VARCHAR(64),
    status       VARCHAR(12)  NOT NULL CHECK (status IN ('processing', 'completed', 'failed')),
    total_rows   INT          NOT NULL DEFAULT 0,
    created      INT          NOT NULL DEFAULT 0,
    updated      INT          NOT NULL DEFAULT 0,
    skipped      INT          NOT NULL DEFAULT 0,
    received     BOOLEAN      NOT NULL DEFAULT FALSE,
    failure      VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX contact_imports_tenant_created ON contact_imports (tenant_id, created_at);
CREATE TABLE contact_import_rows (
    import_id   VARCHAR(40)    NOT NULL REFERENCES contact_imports (id) ON DELETE CASCADE,
    row_number  INT            NOT NULL,
    data        VARCHAR(32000) NOT NULL,
    PRIMARY KEY (import_id, row_number)
);
CREATE TABLE contact_import_errors (
    import_id   VARCHAR(40)  NOT NULL REFERENCES contact_imports (id) ON DELETE CASCADE,
    row_number  INT          NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    PRIMARY KEY (import_id, row_number)
);
