<?php
// PHP 8.0+. Set the webhook URL and events. Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$clientId = getenv('JUMBE_CLIENT_ID');
$apiKey = getenv('JUMBE_API_KEY');
$url = "{$baseUrl}/api/{$clientId}/webhooks/config";

$headers = [
    'Accept: application/json',
    "X-API-Key: {$apiKey}",
    'Idempotency-Key: ' . bin2hex(random_bytes(16)),
    'Content-Type: application/json',
];
$body = json_encode([
    // Your receiver: a public https URL of your system.
    'webhook_url' => getenv('WEBHOOK_URL') ?: 'https://crm.example.co.ke/jumbe/webhooks',
    'events' => ['balance.updated', 'message.delivered', 'message.failed', 'topup.completed', 'topup.failed'],
], JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
$context = stream_context_create([
    'http' => [
        'method' => 'PUT',
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
