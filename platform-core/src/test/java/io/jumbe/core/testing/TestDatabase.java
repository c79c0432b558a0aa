package io.jumbe.core.testing;

import io.jumbe.core.Jumbe;
import io.jumbe.core.store.Database;
import java.time.Clock;
import javax.sql.DataSource;

/** One of the databases every storage test runs on; each {@link #fresh()} call gives an empty, migrated one. */
public interface TestDatabase {

    String name();

    /** A new empty database (its own schema): a pool the caller owns and closes. */
    DataSource freshDataSource();

    /** A new empty database, migrated, whose pool is closed when the database (or the platform over it) closes. */
    default Database fresh() {
        return Database.adopt(freshDataSource());
    }

    default Jumbe platform() {
        return Jumbe.builder().database(fresh()).build();
    }

    default Jumbe platform(Clock clock) {
        return Jumbe.builder().database(fresh()).clock(clock).build();
    }
}
