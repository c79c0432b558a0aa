#!/usr/bin/env bash
# Import contacts from CSV into a group.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

# A CSV file as the body: here two rows, as Excel's "CSV UTF-8" would save them.
printf 'phone,name,student,groups\r\n0712345678,"Otieno, Amina",Baraka,parents-form-2\r\n0722110150,Brian Kamau,Wanjiru,parents-form-2\r\n' \
| curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/contacts/import?group=parents-form-2" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Content-Type: text/csv" \
  --data-binary @-
