package io.jumbe.core.campaigns;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.sms.Segments;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.tenant.TenantService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SMS campaigns: a text with placeholders from an approved sender id, each recipient priced by its segments. */
final class SmsCampaignChannel implements CampaignChannel {
    private final TenantService tenants;
    private final SmsService sms;

    SmsCampaignChannel(TenantService tenants, SmsService sms) {
        this.tenants = tenants;
        this.sms = sms;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public void validate(CampaignRequest r, List<FieldError> errors) {
        if (r.template() != null) {
            errors.add(new FieldError("template", "is for 'whatsapp' campaigns; an SMS campaign has 'message'"));
        }
        if (r.message() == null || r.message().isBlank()) {
            errors.add(new FieldError("message", "is required"));
        } else {
            TextRules.check(errors, "message", r.message(), TextRules.Kind.MESSAGE);
            try {
                Placeholders.parse(r.message());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("message", e.getMessage()));
            }
        }
    }

    @Override
    public Content admit(Tenant tenant, CampaignRequest r) {
        String sender = r.sender() == null || r.sender().isBlank() ? tenant.defaultSenderId() : r.sender().strip();
        if (sender == null || !tenant.senderIds().contains(sender)) {
            throw new ServiceException("sender_not_allowed", sender == null
                    ? "This account has no default sender id; name one in 'sender'."
                    : "The sender id '" + sender + "' has not been approved for this account.",
                    List.of(), Map.of("allowed_senders", tenant.senderIds()));
        }
        return new Content(sender, r.message(), null, null);
    }

    @Override
    public Renderer renderer(Campaign c) {
        Money price = tenants.get(c.tenantId()).pricePerSegment();
        Placeholders text = Placeholders.parse(c.message());
        return new Renderer() {
            @Override
            public Rendering render(Map<String, String> fields) {
                Optional<String> body = text.render(fields);
                if (body.isEmpty()) {
                    return Rendering.skip("missing_field", null, null, 0);
                }
                int segments = Segments.count(body.get()).segments();
                if (segments > SmsService.MAX_SEGMENTS) {
                    return Rendering.skip("too_long", body.get(), null, segments);
                }
                return new Rendering(body.get(), null, segments, SmsService.costOf(body.get(), price), null);
            }

            @Override
            public String skipWarning(String reason, long count) {
                return reason.equals("too_long")
                        ? count + " recipient(s) would get more than " + SmsService.MAX_SEGMENTS + " segments and "
                        + "will be skipped (too_long)"
                        : count + " recipient(s) lack a field the message uses and will be skipped (missing_field)";
            }

            @Override
            public Content content() {
                return new Content(c.sender(), c.message(), null, null);
            }
        };
    }

    @Override
    public void queue(Handle h, Tenant tenant, Campaign c, List<CampaignRecipient> part, List<String> messageIds) {
        List<SmsService.Prepaid> prepaid = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
            prepaid.add(new SmsService.Prepaid(messageIds.get(i), part.get(i).recipient(), part.get(i).message()));
        }
        sms.queuePrepaid(h, c.tenantId(), c.id(), c.sender(), tenant.pricePerSegment(), c.reference(), null, prepaid);
    }
}
