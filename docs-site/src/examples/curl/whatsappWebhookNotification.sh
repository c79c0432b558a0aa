#!/usr/bin/env bash
# What Meta sends: a status notification, signed with the app secret (WHATSAPP_APP_SECRET) over the exact bytes.
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${WHATSAPP_APP_SECRET:=simulator-app-secret}"

body='{"object":"whatsapp_business_account","entry":[{"id":"200000000000001","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550984277","phone_number_id":"100000000000001"},"statuses":[{"id":"wamid.EXAMPLE","status":"delivered","timestamp":"1694492484","recipient_id":"254712345678"}]}}]}]}'
signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$WHATSAPP_APP_SECRET" | sed 's/^.*= //')"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/webhooks/whatsapp" \
  -X POST \
  -H "Content-Type: application/json" \
  -H "X-Hub-Signature-256: ${signature}" \
  --data-binary "$body"
