<?php
// PHP 8.0+. Pause a running campaign (CAMPAIGN_ID). Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$clientId = getenv('JUMBE_CLIENT_ID');
$apiKey = getenv('JUMBE_API_KEY');
$campaignId = getenv('CAMPAIGN_ID');
if (!$campaignId) {
    fwrite(STDERR, "Set CAMPAIGN_ID first: export CAMPAIGN_ID=CMP-...\n");
    exit(1);
}
$url = "{$baseUrl}/api/{$clientId}/campaigns/" . rawurlencode($campaignId) . "/pause";

$headers = [
    'Accept: application/json',
    "X-API-Key: {$apiKey}",
    'Idempotency-Key: ' . bin2hex(random_bytes(16)),
];
$context = stream_context_create([
    'http' => [
        'method' => 'POST',
        'header' => implode("\r\n", $headers),
        // Read the problem+json body of 4xx and 5xx answers instead of failing.
        'ignore_errors' => true,
        'timeout' => 30,
    ],
]);

$response = file_get_contents($url, false, $context);
echo $http_response_header[0], PHP_EOL;
echo $response, PHP_EOL;
