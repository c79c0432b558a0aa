#!/usr/bin/env bash
# Apply for an account (no API key): Jumbe emails a verification link to the address.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' -X POST "${JUMBE_BASE_URL}/api/signup" \
  -H "Content-Type: application/json" \
  -d '{"name": "Falley Medical Center", "email": "ops@falley.co.ke", "phone": "0712345678", "sender_id": "FALLEY-MED", "use_case": "appointment reminders"}'
