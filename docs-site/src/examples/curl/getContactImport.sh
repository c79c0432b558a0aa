#!/usr/bin/env bash
# Follow an import (IMPORT_ID, from importContacts).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${IMPORT_ID:?export IMPORT_ID=IMP-... first}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/contacts/import/${IMPORT_ID}" \
  -X GET \
  -H "X-API-Key: ${JUMBE_API_KEY}"
