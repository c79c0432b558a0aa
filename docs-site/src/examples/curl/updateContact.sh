#!/usr/bin/env bash
# Change a contact's attributes (CONTACT_ID, from createContact).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/contacts/${CONTACT_ID:?export CONTACT_ID=... first}" \
  -X PATCH \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Content-Type: application/json" \
  -d '{"attributes": {"form": "3"}}'
