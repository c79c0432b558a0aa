package io.jumbe.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading columns the same way on H2 and PostgreSQL. */
public final class Rows {
    private Rows() {
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an Instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
