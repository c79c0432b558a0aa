package io.jumbe.server.cli;

import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.whatsapp.Category;
import io.jumbe.core.whatsapp.WhatsAppPrices;
import io.jumbe.core.whatsapp.WhatsAppService;
import java.util.EnumMap;
import java.util.List;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.tenant.TenantUpdate;
import io.jumbe.core.tenant.Tier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jumbe admin senders …}: the reseller's customers. */
@Command(name = "senders", mixinStandardHelpOptions = true, description = "Create, list and change senders.")
final class SendersCommand extends CommandGroup {
    private TenantService tenants() {
        return admin.platform().tenants();
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a sender and its first API key (shown once).")
    void create(@Option(names = "--name", required = true) String name,
                @Option(names = "--email", required = true) String email,
                @Option(names = "--sender-id", required = true, description = "Approved sender id, at most 11 characters.") String senderId,
                @Option(names = "--price", defaultValue = "1.00", description = "KES per SMS segment (default ${DEFAULT-VALUE}).") Money price,
                @Option(names = "--tier", defaultValue = "bronze", description = "bronze, silver, gold or platinum.") Tier tier,
                @Option(names = "--balance", defaultValue = "0", description = "Opening balance in KES, journaled as a manual credit.") Money balance,
                @Option(names = "--no-welcome-email", description = "Do not email the sender its key (the welcome mail).") boolean noWelcomeEmail,
                @Option(names = "--json") boolean json) {
        var created = tenants().create(new NewTenant(name, email, senderId, price, tier, Money.ofCents(10_000), balance));
        if (!noWelcomeEmail) {
            admin.platform().notifications().welcome(created.tenant().id(), created.key(), created.testKey());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_id", created.tenant().id());
        m.put("name", created.tenant().name());
        m.put("balance", created.tenant().balance().toDecimal());
        m.put("api_key", created.key().secret());
        m.put("test_api_key", created.testKey().secret());
        out(json).record(m);
        if (!json) {
            spec.commandLine().getOut().println("The API keys are shown only now; store them safely. The test key "
                    + "acts on the sender's test mode (KES 1,000.00 to try with, simulators only)."
                    + (noWelcomeEmail ? "" : " The welcome email to " + created.tenant().email() + " carries them too."));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List senders.")
    void list(@Option(names = "--json") boolean json) {
        out(json).table(tenants().list().stream().map(Views::tenantRow).toList());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one sender.")
    void show(@Parameters(paramLabel = "ID") long id, @Option(names = "--json") boolean json) {
        out(json).record(Views.tenant(tenants().get(id)));
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change a sender's settings.")
    void update(@Parameters(paramLabel = "ID") long id,
                @Option(names = "--name") String name,
                @Option(names = "--email") String email,
                @Option(names = "--price") Money price,
                @Option(names = "--tier") Tier tier,
                @Option(names = "--low-balance-threshold") Money threshold,
                @Option(names = "--default-sender-id") String defaultSenderId,
                @Option(names = "--whatsapp-price", paramLabel = "CATEGORY=KES", description = "KES per WhatsApp "
                        + "message of a category (marketing, utility, authentication, service); repeatable.")
                List<String> whatsappPrices,
                @Option(names = "--whatsapp-number", paramLabel = "PHONE_NUMBER_ID", description = "The sender's own "
                        + "WhatsApp phone number id (Meta's); 'none' returns it to the platform's number.")
                String whatsappNumber,
                @Option(names = "--json") boolean json) {
        // every value is checked before anything changes
        Map<Category, Money> prices = whatsappPrices(whatsappPrices);
        WhatsAppService whatsapp = admin.platform().whatsapp();
        boolean tenantChange = name != null || email != null || price != null || tier != null || threshold != null
                || defaultSenderId != null;
        Tenant t = tenantChange ? tenants().update(id, new TenantUpdate(Optional.ofNullable(name),
                Optional.ofNullable(email), Optional.ofNullable(price), Optional.ofNullable(tier),
                Optional.ofNullable(threshold), Optional.ofNullable(defaultSenderId))) : tenants().get(id);
        if (!prices.isEmpty()) {
            whatsapp.setPrices(id, prices);
        }
        if (whatsappNumber != null) {
            whatsapp.setPhoneNumberId(id, "none".equalsIgnoreCase(whatsappNumber) ? null : whatsappNumber.strip());
        }
        Map<String, Object> view = new LinkedHashMap<>(Views.tenant(t));
        WhatsAppPrices now = whatsapp.prices(id);
        for (Category c : Category.values()) {
            view.put("whatsapp_price_" + c.wireName(), now.of(c).toDecimal());
        }
        view.put("whatsapp_phone_number_id", whatsapp.phoneNumberId(id));
        out(json).record(view);
    }

    private static Map<Category, Money> whatsappPrices(List<String> given) {
        Map<Category, Money> prices = new EnumMap<>(Category.class);
        for (String entry : given == null ? List.<String>of() : given) {
            int eq = entry.indexOf('=');
            Category category;
            Money amount;
            try {
                category = Category.fromWire(eq < 0 ? "" : entry.substring(0, eq));
                amount = Money.parse(entry.substring(eq + 1).strip());
            } catch (RuntimeException e) {
                throw ServiceException.validation("whatsapp-price", "'" + entry + "' is not CATEGORY=KES with a "
                        + "category of marketing, utility, authentication or service (e.g. marketing=2.50)");
            }
            if (amount.cents() <= 0) {
                throw ServiceException.validation("whatsapp-price", "'" + entry + "': a price must be above zero");
            }
            prices.put(category, amount);
        }
        return prices;
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend a sender: its API calls get 403 account_suspended.")
    void suspend(@Parameters(paramLabel = "ID") long id, @Option(names = "--json") boolean json) {
        out(json).record(Views.tenant(tenants().setActive(id, false)));
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Re-activate a suspended sender.")
    void activate(@Parameters(paramLabel = "ID") long id, @Option(names = "--json") boolean json) {
        out(json).record(Views.tenant(tenants().setActive(id, true)));
    }

    @Command(name = "add-sender-id", mixinStandardHelpOptions = true, description = "Approve another sender id for a sender.")
    void addSenderId(@Parameters(index = "0", paramLabel = "ID") long id,
                     @Parameters(index = "1", paramLabel = "NAME") String name,
                     @Option(names = "--json") boolean json) {
        out(json).record(Views.tenant(tenants().addSenderId(id, name)));
    }
}
