package io.jumbe.core.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Platform settings generated once and kept in the database, so they survive restarts and are shared. */
public final class Settings {
    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    public Settings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<String> get(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM settings WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    /**
     * The configured value when there is one, else the stored one, else a new random token stored now. Two
     * instances racing at first start both end up with the row that won the insert.
     */
    public String secretToken(String name, Optional<String> configured) {
        if (configured.isPresent()) {
            return configured.get();
        }
        Optional<String> stored = get(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO settings (name, setting_value) VALUES (:name, :value)")
                    .bind("name", name).bind("value", token).execute());
            return token;
        } catch (RuntimeException raced) {
            return get(name).orElseThrow(() -> raced);
        }
    }
}
