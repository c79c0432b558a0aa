#!/usr/bin/env bash
# Let a number be messaged again (OPT_OUT_PHONE).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/opt-outs/${OPT_OUT_PHONE:?export OPT_OUT_PHONE=... first}" \
  -X DELETE \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
