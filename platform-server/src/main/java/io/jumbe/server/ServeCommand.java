package io.jumbe.server;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigException;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.TenantService;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** Starts the platform and, on an empty database, a demo sender to make a first call with. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the platform (HTTP API, workers, simulators).")
public final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        JumbeConfig config;
        try {
            config = ConfigLoader.fromSystem().load();
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        Database database = Jumbe.openDatabase(config, 20);
        Application app = new Application(config, database, Clock.systemUTC()).start(config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        printBanner(app, System.out);
        new CountDownLatch(1).await();
        return 0;
    }

    static void printBanner(Application app, PrintStream out) {
        JumbeConfig config = app.config();
        TenantService tenants = app.platform().tenants();
        out.println();
        out.println("Jumbe is running at " + app.baseUrl());
        out.println("  database:  " + (config.database().isPostgres() ? "PostgreSQL" : "embedded H2 under " + config.home()));
        out.println("  SMS:       " + (config.onfon().simulated() ? "Onfon simulator (no real SMS is sent)" : "Onfon Media"));
        out.println("  WhatsApp:  " + (config.whatsapp().simulated()
                ? "Graph API simulator (no real WhatsApp message is sent)" : "Meta Cloud API " + config.whatsapp().apiVersion()));
        out.println("  M-Pesa:    " + (config.mpesa().simulated() ? "Daraja simulator (no real money moves)"
                : "Daraja " + config.mpesa().env()));
        out.println("  email:     " + app.platform().notifications().mailer().describe());
        out.println("  docs:      " + app.baseUrl() + "/docs");
        if (tenants.count() == 0) {
            var created = tenants.create(NewTenant.of("Demo Sender", "demo@example.com", "JUMBE")
                    .withBalance(Money.parse("100.00")));
            long id = created.tenant().id();
            out.println();
            // The demo key goes to the console (and whatever log captures it): fine for a demo sender on the
            // embedded default; production senders get keys from `jumbe admin keys create`, shown on the admin's
            // terminal only.
            out.println("Created a demo sender with KES 100.00 (shown once; keep the key):");
            out.println("  client id: " + id);
            out.println("  API key:   " + created.key().secret());
            out.println("  test key:  " + created.testKey().secret() + " (test mode: KES 1,000.00, simulators only)");
            out.println();
            out.println("Send a first SMS (to a simulator test number):");
            out.println("  curl -X POST " + app.baseUrl() + "/api/" + id + "/sms/send \\");
            out.println("    -H 'X-API-Key: " + created.key().secret() + "' -H 'Content-Type: application/json' \\");
            out.println("    -d '{\"recipient\": \"254712345678\", \"message\": \"Hello from Jumbe\"}'");
            out.println("Check the balance:");
            out.println("  curl " + app.baseUrl() + "/api/" + id + "/client/balance -H 'X-API-Key: "
                    + created.key().secret() + "'");
        } else {
            out.println();
            out.println("Senders: " + tenants.count() + ". New key: ./jumbe admin keys create <client id>");
        }
        out.println();
    }
}
