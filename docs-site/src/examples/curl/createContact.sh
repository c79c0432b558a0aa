#!/usr/bin/env bash
# Add a contact to the phone book.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${CONTACT_PHONE:=0712345678}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/contacts" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"phone": "'"${CONTACT_PHONE}"'", "name": "Amina Otieno", "attributes": {"student": "Baraka", "form": "2"}, "groups": ["parents-form-2"]}'
