#!/usr/bin/env bash
# List the contacts of a group.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/contacts" \
  -G \
  --data-urlencode "group=parents-form-2" \
  --data-urlencode "per_page=20" \
  -X GET \
  -H "X-API-Key: ${JUMBE_API_KEY}"
