#!/usr/bin/env bash
# What Onfon sends: a delivery report as a POST (ONFON_DLR_TOKEN).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${ONFON_DLR_TOKEN:=change-me}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/webhooks/onfon/dlr/${ONFON_DLR_TOKEN}" \
  -X POST \
  -H "Content-Type: application/json" \
  -d '{"messageId": "7444f504-6760-43fd-9b40-2708da61d114", "mobile": "254712345678", "status": "DELIVRD", "errorCode": "000", "submitDate": "2026-04-08 09:30", "doneDate": "2026-04-08 09:31"}'
