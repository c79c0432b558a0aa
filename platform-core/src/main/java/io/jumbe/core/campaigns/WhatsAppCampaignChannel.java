package io.jumbe.core.campaigns;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.whatsapp.Category;
import io.jumbe.core.whatsapp.Template;
import io.jumbe.core.whatsapp.TemplateRef;
import io.jumbe.core.whatsapp.WhatsAppService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * WhatsApp campaigns: an approved template whose body parameters are written with placeholders, rendered per
 * recipient; each message priced at the tenant's price for the template's category. Templates are not bound by the
 * 24-hour window.
 */
final class WhatsAppCampaignChannel implements CampaignChannel {
    private static final int MAX_STORED = 8000;
    private final WhatsAppService whatsapp;

    WhatsAppCampaignChannel(WhatsAppService whatsapp) {
        this.whatsapp = whatsapp;
    }

    @Override
    public String name() {
        return "whatsapp";
    }

    @Override
    public void validate(CampaignRequest r, List<FieldError> errors) {
        if (r.message() != null) {
            errors.add(new FieldError("message", "is for 'sms' campaigns; a WhatsApp campaign has 'template'"));
        }
        if (r.sender() != null) {
            errors.add(new FieldError("sender", "is for 'sms' campaigns; WhatsApp messages go from the account's "
                    + "WhatsApp number"));
        }
        TemplateRef t = r.template();
        if (t == null) {
            errors.add(new FieldError("template", "is required: the name, language and parameters of an approved "
                    + "template"));
            return;
        }
        if (t.name() == null || t.name().isBlank()) {
            errors.add(new FieldError("template.name", "is required"));
        }
        TextRules.check(errors, "template.name", t.name(), TextRules.Kind.LINE);
        TextRules.check(errors, "template.language", t.language(), TextRules.Kind.LINE);
        for (int i = 0; i < t.parameters().size(); i++) {
            String field = "template.parameters[" + i + "]";
            String p = t.parameters().get(i);
            if (p == null || p.isBlank()) {
                errors.add(new FieldError(field, "may not be empty"));
            } else if (p.length() > WhatsAppService.MAX_PARAMETER) {
                errors.add(new FieldError(field, "is at most " + WhatsAppService.MAX_PARAMETER + " characters"));
            } else {
                TextRules.check(errors, field, p, TextRules.Kind.MESSAGE);
                try {
                    Placeholders.parse(p);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field, e.getMessage()));
                }
            }
        }
    }

    @Override
    public Content admit(Tenant tenant, CampaignRequest r) {
        Template t = whatsapp.template(tenant.id(), r.template());
        return new Content(null, null, new TemplateRef(t.name(), t.language(), r.template().parameters()),
                t.category().wireName());
    }

    @Override
    public Renderer renderer(Campaign c) {
        Template template = whatsapp.template(c.tenantId(), c.template());
        Money price = whatsapp.prices(c.tenantId()).of(template.category());
        List<Placeholders> parameters = c.template().parameters().stream().map(Placeholders::parse).toList();
        return new Renderer() {
            @Override
            public Rendering render(Map<String, String> fields) {
                List<String> values = new ArrayList<>(parameters.size());
                for (Placeholders p : parameters) {
                    Optional<String> v = p.render(fields);
                    // Meta refuses an empty parameter: a default that renders blank is as missing as no value
                    if (v.isEmpty() || v.get().isBlank()) {
                        return Rendering.skip("missing_field", null, null, 0);
                    }
                    values.add(v.get());
                }
                // longer than Meta takes, or than a message row keeps of them (messages.template_parameters)
                boolean stored = Json.write(values).length() <= MAX_STORED;
                if (!stored || values.stream().anyMatch(v -> v.length() > WhatsAppService.MAX_PARAMETER)) {
                    return Rendering.skip("too_long", null, stored ? values : null, 0);
                }
                return new Rendering(null, values, 0, price, null);
            }

            @Override
            public String skipWarning(String reason, long count) {
                return reason.equals("too_long")
                        ? count + " recipient(s) would get a parameter longer than " + WhatsAppService.MAX_PARAMETER
                        + " characters and will be skipped (too_long)"
                        : count + " recipient(s) lack a field the template's parameters use and will be skipped "
                        + "(missing_field)";
            }

            @Override
            public Content content() {
                return new Content(null, null, c.template(), template.category().wireName());
            }
        };
    }

    @Override
    public void queue(Handle h, Tenant tenant, Campaign c, List<CampaignRecipient> part, List<String> messageIds) {
        List<WhatsAppService.Prepaid> prepaid = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
            CampaignRecipient r = part.get(i);
            prepaid.add(new WhatsAppService.Prepaid(messageIds.get(i), r.recipient(), r.parameters(), r.cost()));
        }
        whatsapp.queuePrepaid(h, c.tenantId(), c.id(), c.template(), Category.fromWire(c.category()), c.reference(),
                prepaid);
    }
}
