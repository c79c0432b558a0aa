<?php
// PHP 8.0+. A minimal webhook receiver for your machine, with PHP's built-in web server:
//   export JUMBE_WEBHOOK_SECRET=whsec_...   # the secret PUT /webhooks/config answered
//   php -S 127.0.0.1:8000 receiveWebhook.php
// It verifies the signature over the raw body (php://input, never $_POST), ignores an event it has already
// seen (same webhook-id) and answers 204 at once; do slow work after answering (Jumbe waits 15 s at most).

$secret = getenv('JUMBE_WEBHOOK_SECRET');
if (!$secret) {
    error_log('export JUMBE_WEBHOOK_SECRET=whsec_... first');
    http_response_code(500);
    exit;
}
$key = base64_decode(str_starts_with($secret, 'whsec_') ? substr($secret, 6) : $secret);
$rawBody = file_get_contents('php://input');
$id = $_SERVER['HTTP_WEBHOOK_ID'] ?? '';
$timestamp = $_SERVER['HTTP_WEBHOOK_TIMESTAMP'] ?? '0';
$expected = base64_encode(hash_hmac('sha256', "{$id}.{$timestamp}.{$rawBody}", $key, true));
$verified = false;
foreach (explode(' ', $_SERVER['HTTP_WEBHOOK_SIGNATURE'] ?? '') as $signature) {
    if (str_starts_with($signature, 'v1,') && hash_equals($expected, substr($signature, 3))) {
        $verified = true;
    }
}
if ($id === '' || !$verified || abs(time() - (int) $timestamp) > 5 * 60) {
    http_response_code(400);
    exit;
}
// webhook-ids already handled; keep them in your database in production
$seenFile = sys_get_temp_dir() . '/jumbe-webhook-ids.txt';
$seen = is_file($seenFile) ? file($seenFile, FILE_IGNORE_NEW_LINES) : [];
if (!in_array($id, $seen, true)) {
    file_put_contents($seenFile, $id . PHP_EOL, FILE_APPEND | LOCK_EX);
    $event = json_decode($rawBody, true);
    error_log("verified {$event['event']} {$id} sequence {$event['sequence']}");
}
http_response_code(204);
