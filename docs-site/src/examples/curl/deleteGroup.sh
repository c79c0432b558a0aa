#!/usr/bin/env bash
# Delete a group, keeping its contacts (GROUP_NAME).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${GROUP_NAME:?export GROUP_NAME=old-list first}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/groups/${GROUP_NAME}" \
  -X DELETE \
  -H "X-API-Key: ${JUMBE_API_KEY}"
