package io.jumbe.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.ConfigException;
import io.jumbe.core.config.JumbeConfig;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    private final SecretBox box = SecretBox.fromBase64(SecretBox.generateKey());

    @Test
    void sealsWithAFreshNonceAndOpensBack() {
        String a = box.seal("whsec_abc");
        String b = box.seal("whsec_abc");
        assertThat(a).startsWith("enc:v1:").doesNotContain("whsec_").isNotEqualTo(b);
        assertThat(box.open(a)).isEqualTo("whsec_abc");
        assertThat(box.open(b)).isEqualTo("whsec_abc");
    }

    @Test
    void readsAValueStoredBeforeEncryptionAsItIs() {
        assertThat(box.open("whsec_legacy")).isEqualTo("whsec_legacy");
        assertThat(box.open(null)).isNull();
    }

    @Test
    void refusesToOpenWithAnotherKeyOrAfterTampering() {
        String sealed = box.seal("secret");
        SecretBox other = SecretBox.fromBase64(SecretBox.generateKey());
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JUMBE_SECRET_KEY");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretBox.plain().open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyMustBe32BytesOfBase64AndAConfiguredBadOneStopsStartUp() {
        assertThatThrownBy(() -> SecretBox.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("JUMBE_SECRET_KEY", "not base64!")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("JUMBE_SECRET_KEY");
    }

    @Test
    void withoutJumbeSecretKeyAKeyFileIsGeneratedOnceWithMode0600InA0700Folder(@TempDir Path tmp) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path home = tmp.resolve("home");
        JumbeConfig config = new ConfigLoader(Map.of("JUMBE_HOME", home.toString())).load();

        SecretBox first = SecretBox.load(config);
        SecretBox second = SecretBox.load(config);

        Path file = SecretBox.keyFile(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(second.open(first.seal("kept"))).isEqualTo("kept");
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void jumbeSecretKeyWinsOverTheKeyFile(@TempDir Path home) {
        String key = SecretBox.generateKey();
        SecretBox box = SecretBox.load(new ConfigLoader(Map.of("JUMBE_HOME", home.toString(), "JUMBE_SECRET_KEY", key))
                .load());
        assertThat(box.fingerprint()).isEqualTo(SecretBox.fromBase64(key).fingerprint());
        assertThat(SecretBox.keyFile(home)).doesNotExist();
    }

    @Test
    void anExistingFolderAndDatabaseFilesAreMadePrivateButNothingElse(@TempDir Path home) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.createFile(home.resolve("jumbe.mv.db"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Path mail = Files.createDirectories(home.resolve("mail"));
        Path eml = Files.createFile(mail.resolve("1.eml"));
        Files.setPosixFilePermissions(eml, PosixFilePermissions.fromString("rw-r--r--"));
        Path unrelated = Files.createFile(home.resolve("notes.txt"));
        Files.setPosixFilePermissions(unrelated, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.secureTree(home);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mail))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(eml))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unrelated))).isEqualTo("rw-r--r--");
    }
}
