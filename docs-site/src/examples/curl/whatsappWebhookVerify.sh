#!/usr/bin/env bash
# What Meta sends when the callback URL is set up: the verification challenge (WHATSAPP_VERIFY_TOKEN).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' -G "${JUMBE_BASE_URL}/api/webhooks/whatsapp" \
  --data-urlencode "hub.mode=subscribe" \
  --data-urlencode "hub.challenge=1158201444" \
  --data-urlencode "hub.verify_token=${WHATSAPP_VERIFY_TOKEN:?export WHATSAPP_VERIFY_TOKEN=... first}"
