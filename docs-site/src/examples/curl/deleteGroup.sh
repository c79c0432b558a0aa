#!/usr/bin/env bash
# Delete a group, keeping its contacts (GROUP_NAME).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/groups/${GROUP_NAME:?export GROUP_NAME=... first}" \
  -X DELETE \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
