-- Test twins created before they copied WhatsApp prices take their live tenant's (issue 14: a twin prices as live).
UPDATE tenants SET
    whatsapp_marketing_cents = (SELECT l.whatsapp_marketing_cents FROM tenants l WHERE l.id = tenants.live_tenant_id),
    whatsapp_utility_cents = (SELECT l.whatsapp_utility_cents FROM tenants l WHERE l.id = tenants.live_tenant_id),
    whatsapp_authentication_cents =
        (SELECT l.whatsapp_authentication_cents FROM tenants l WHERE l.id = tenants.live_tenant_id),
    whatsapp_service_cents = (SELECT l.whatsapp_service_cents FROM tenants l WHERE l.id = tenants.live_tenant_id)
WHERE live_tenant_id IS NOT NULL;
