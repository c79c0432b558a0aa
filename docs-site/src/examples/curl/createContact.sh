#!/usr/bin/env bash
# Add a contact to the phone book.
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${CONTACT_PHONE:=0712345678}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/contacts" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"phone": "'"${CONTACT_PHONE}"'", "name": "Amina Otieno", "attributes": {"student": "Baraka", "form": "2"}, "groups": ["parents-form-2"]}'
