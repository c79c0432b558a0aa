package io.jumbe.core.store;

import io.jumbe.core.secrets.SecretBox;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Platform settings generated once and kept in the database, so they survive restarts and are shared. The secret
 * tokens are kept encrypted: they must be recoverable (they are path segments of the callback URLs we give the
 * upstreams), so they are sealed with the platform key rather than hashed.
 */
public final class Settings {
    /** The fingerprint of the key the database's secrets are sealed with. */
    static final String KEY_ID = "SECRET_KEY_ID";
    private final Jdbi jdbi;
    private final SecretBox box;
    private final SecureRandom random = new SecureRandom();

    public Settings(Jdbi jdbi) {
        this(jdbi, SecretBox.plain());
    }

    public Settings(Jdbi jdbi, SecretBox box) {
        this.jdbi = jdbi;
        this.box = box;
    }

    /** A stored value as stored (a secret token is sealed). */
    public Optional<String> get(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM settings WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    /**
     * The configured value when there is one, else the stored one, else a new random token stored now. Two
     * instances racing at first start both end up with the row that won the insert. A token stored in plain text
     * by an earlier version is sealed now.
     */
    public String secretToken(String name, Optional<String> configured) {
        if (configured.isPresent()) {
            return configured.get();
        }
        Optional<String> stored = get(name);
        if (stored.isPresent()) {
            String token = box.open(stored.get());
            if (box.encrypts() && !SecretBox.isSealed(stored.get())) {
                jdbi.useHandle(h -> h.createUpdate("UPDATE settings SET setting_value = :sealed WHERE name = :name "
                                + "AND setting_value = :plain")
                        .bind("sealed", box.seal(token)).bind("name", name).bind("plain", stored.get()).execute());
            }
            return token;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO settings (name, setting_value) VALUES (:name, :value)")
                    .bind("name", name).bind("value", box.seal(token)).execute());
            return token;
        } catch (RuntimeException raced) {
            return get(name).map(box::open).orElseThrow(() -> raced);
        }
    }

    /**
     * Records which key seals this database's secrets, or checks that it is this one. An instance started with
     * another key (a second server that generated its own key file instead of sharing {@code JUMBE_SECRET_KEY})
     * stops here, before it writes secrets its peers could not read.
     *
     * @throws IllegalStateException when the database's secrets are sealed with another key
     */
    public void bindKey() {
        if (!box.encrypts()) {
            return;
        }
        String mine = box.fingerprint();
        Optional<String> recorded = get(KEY_ID);
        if (recorded.isEmpty()) {
            try {
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO settings (name, setting_value) VALUES (:name, :value)")
                        .bind("name", KEY_ID).bind("value", mine).execute());
                return;
            } catch (RuntimeException raced) {
                recorded = get(KEY_ID);
            }
        }
        if (!recorded.orElse(mine).equals(mine)) {
            throw new IllegalStateException("this database's secrets are encrypted with another key (id "
                    + recorded.get() + "; this one is " + mine + "). Give every instance the same JUMBE_SECRET_KEY, "
                    + "or restore JUMBE_HOME/secret.key from the backup.");
        }
    }
}
