#!/usr/bin/env bash
# Confirm the address: what opening the emailed link does. export SIGNUP_TOKEN=... (the link's token=...)
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -G -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/signup/verify" \
  --data-urlencode "token=${SIGNUP_TOKEN:?export SIGNUP_TOKEN=... first}"
