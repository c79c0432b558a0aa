#!/usr/bin/env bash
# Confirm the address: what opening the emailed link does. export SIGNUP_TOKEN=... (the link's token=...)
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${SIGNUP_TOKEN:?set SIGNUP_TOKEN to the token= value of the verification link in the email}"

curl -sS -G -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/signup/verify" \
  --data-urlencode "token=${SIGNUP_TOKEN}"
