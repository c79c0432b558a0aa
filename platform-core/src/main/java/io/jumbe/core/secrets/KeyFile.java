package io.jumbe.core.secrets;

import io.jumbe.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code JUMBE_HOME/secret.key}: the platform key, generated once when {@code JUMBE_SECRET_KEY} is not set. */
final class KeyFile {
    static final String NAME = "secret.key";

    private KeyFile() {
    }

    static SecretBox loadOrCreate(Path file) {
        try {
            PrivateFiles.directory(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                String key = SecretBox.generateKey();
                try {
                    // created with mode 0600 from the start: never readable by others, not even for a moment
                    Files.write(PrivateFiles.createFile(file), (key + "\n").getBytes(StandardCharsets.US_ASCII),
                            StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException raced) {
                    // another process (the admin CLI beside the server) wrote it first: use theirs
                }
            }
            PrivateFiles.file(file);
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                return SecretBox.fromBase64(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + " does not hold a valid key: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new ConfigException("the secret key file " + file + " cannot be read or created: " + e.getMessage());
        }
    }
}
