#!/usr/bin/env bash
# Let a number be messaged again (OPT_OUT_PHONE).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${OPT_OUT_PHONE:?export OPT_OUT_PHONE=0722110160 first}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/opt-outs/${OPT_OUT_PHONE}" \
  -X DELETE \
  -H "X-API-Key: ${JUMBE_API_KEY}"
