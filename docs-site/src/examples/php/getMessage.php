<?php
// PHP 8.0+. Follow one message of either channel (MESSAGE_ID). Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$clientId = getenv('JUMBE_CLIENT_ID');
$apiKey = getenv('JUMBE_API_KEY');
$messageId = getenv('MESSAGE_ID');
if (!$messageId) {
    fwrite(STDERR, "Set MESSAGE_ID first (export MESSAGE_ID=MSG-… from the send answer).\n");
    exit(1);
}
$url = "{$baseUrl}/api/{$clientId}/messages/{$messageId}";

$headers = [
    'Accept: application/json',
    "X-API-Key: {$apiKey}",
];
$context = stream_context_create([
    'http' => [
        'method' => 'GET',
        'header' => implode("\r\n", $headers),
        // Read the problem+json body of 4xx and 5xx answers instead of failing.
        'ignore_errors' => true,
        'timeout' => 30,
    ],
]);

$response = file_get_contents($url, false, $context);
echo $http_response_header[0], PHP_EOL;
echo $response, PHP_EOL;
