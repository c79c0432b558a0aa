#!/usr/bin/env bash
# Send a webhook delivery again (DELIVERY_ID).
# Needs an id from an earlier step:
#   export DELIVERY_ID=WH-01JB3QK4T9V2   # the id of a delivery from listWebhookDeliveries
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/webhooks/deliveries/${DELIVERY_ID:?export DELIVERY_ID=... first (the id of a delivery from listWebhookDeliveries)}/retry" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"
