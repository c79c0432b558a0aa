#!/usr/bin/env bash
# Read one contact (CONTACT_ID, from createContact).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${CONTACT_ID:?export CONTACT_ID=CON-... first}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/contacts/${CONTACT_ID}" \
  -X GET \
  -H "X-API-Key: ${JUMBE_API_KEY}"
