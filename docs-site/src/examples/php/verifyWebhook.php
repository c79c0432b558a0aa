<?php
// PHP 8.0+. Verify a Jumbe webhook in PHP with hash_hmac.
// The standard-webhooks/standard-webhooks package (composer require standard-webhooks/standard-webhooks)
// does the same:
//   $payload = (new \StandardWebhooks\Webhook($secret))->verify($rawBody, $headers);

const TOLERANCE_SECONDS = 300;

/** Checks the signature over the RAW body (file_get_contents('php://input')), then parses it. Throws on any doubt. */
function verifyWebhook(string $secret, array $headers, string $rawBody, ?int $now = null): array
{
    $headers = array_change_key_case($headers, CASE_LOWER);
    $id = $headers['webhook-id'] ?? null;
    $timestamp = $headers['webhook-timestamp'] ?? null;
    $signatures = $headers['webhook-signature'] ?? null;
    if (!$id || !$timestamp || !$signatures) {
        throw new RuntimeException('missing webhook-id, webhook-timestamp or webhook-signature');
    }
    $now = $now ?? time();
    if (abs($now - (int) $timestamp) > TOLERANCE_SECONDS) {
        throw new RuntimeException('timestamp outside the tolerance');
    }
    $key = base64_decode(preg_replace('/^whsec_/', '', $secret), true);
    $expected = base64_encode(hash_hmac('sha256', "{$id}.{$timestamp}.{$rawBody}", $key, true));
    // During a secret rotation the header carries several signatures separated by spaces.
    foreach (explode(' ', $signatures) as $candidate) {
        [$version, $value] = array_pad(explode(',', $candidate, 2), 2, '');
        if ($version === 'v1' && hash_equals($expected, $value)) {
            return json_decode($rawBody, true, 512, JSON_THROW_ON_ERROR);
        }
    }
    throw new RuntimeException('no matching signature');
}

// The Standard Webhooks published test vector.
$payload = verifyWebhook(
    'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    [
        'webhook-id' => 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        'webhook-timestamp' => '1614265330',
        'webhook-signature' => 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    ],
    '{"test": 2432232314}',
    1614265330
);
echo 'verified ', json_encode($payload), PHP_EOL;
