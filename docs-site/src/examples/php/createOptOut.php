<?php
// PHP 8.0+. Opt a number out of your messages. Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$clientId = getenv('JUMBE_CLIENT_ID');
$apiKey = getenv('JUMBE_API_KEY');
$optOutPhone = getenv('OPT_OUT_PHONE') ?: '0722110160';
$url = "{$baseUrl}/api/{$clientId}/opt-outs";

$headers = [
    'Accept: application/json',
    "X-API-Key: {$apiKey}",
    'Idempotency-Key: ' . bin2hex(random_bytes(16)),
    'Content-Type: application/json',
];
$body = json_encode([
    'phone' => $optOutPhone,
    'reason' => 'asked at the school gate',
], JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
$context = stream_context_create([
    'http' => [
        'method' => 'POST',
        'header' => implode("\r\n", $headers),
        'content' => $body,
        // Read the problem+json body of 4xx and 5xx answers instead of failing.
        'ignore_errors' => true,
        'timeout' => 30,
    ],
]);

$response = file_get_contents($url, false, $context);
echo $http_response_header[0], PHP_EOL;
echo $response, PHP_EOL;
