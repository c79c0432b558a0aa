package io.jumbe.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jumbe.core.Jumbe;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.secrets.SecretBox;
import io.jumbe.server.Application;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.StandardWebhooks;
import io.jumbe.server.testing.WebhookReceiver;
import io.jumbe.server.testing.Webhooks;
import io.jumbe.core.tenant.NewTenant;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default as {@code jumbe serve} runs it: H2 files and the generated key under a private JUMBE_HOME. */
class JumbeHomeTest {

    @Test
    void theHomeFolderIs0700AndTheDatabaseAndKeyFiles0600AndTheKeyOutlivesARestart(@TempDir Path tmp) {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path home = tmp.resolve("jumbe-home");
        JumbeConfig config = new ConfigLoader(Map.of("JUMBE_HOME", home.toString(), "JUMBE_SECRET_KEY", "",
                "WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true", "RATE_LIMITS", "false")).load();
        String secret;
        Sender sender;
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            try (Application app = new Application(config, Jumbe.openDatabase(config, 4), Clock.systemUTC())
                    .start(0)) {
                assertThat(mode(home)).isEqualTo("rwx------");
                assertThat(mode(home.resolve("jumbe.mv.db"))).isEqualTo("rw-------");
                assertThat(mode(SecretBox.keyFile(home))).isEqualTo("rw-------");
                var created = app.platform().tenants().create(NewTenant.of("Falley Medical", "ops@falley.example",
                        "FALLEY-MED"));
                sender = new Sender(created.tenant().id(), created.key().secret(), new Http(app.baseUrl()));
                secret = Webhooks.configure(sender, receiver.url());
            }
            try (Application again = new Application(config, Jumbe.openDatabase(config, 4), Clock.systemUTC())
                    .start(0)) {
                Sender same = new Sender(sender.clientId(), sender.apiKey(), new Http(again.baseUrl()));
                assertThat(same.post("/webhooks/test", "{}").status()).isEqualTo(200);
                assertThat(StandardWebhooks.verify(secret, receiver.next(Duration.ofSeconds(20))))
                        .as("the secret sealed before the restart still signs").isTrue();
                assertThat(files(home)).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
            }
        }
    }

    private static java.util.List<Path> files(Path home) {
        try (var list = Files.list(home)) {
            return list.filter(Files::isRegularFile).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
