<?php
// PHP 8.0+. Let a number be messaged again (OPT_OUT_PHONE). Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$clientId = getenv('JUMBE_CLIENT_ID');
$apiKey = getenv('JUMBE_API_KEY');
$optOutPhone = getenv('OPT_OUT_PHONE');
if (!$optOutPhone) {
    fwrite(STDERR, "Set OPT_OUT_PHONE first: export OPT_OUT_PHONE=0722110160\n");
    exit(1);
}
$url = "{$baseUrl}/api/{$clientId}/opt-outs/" . rawurlencode($optOutPhone);

$headers = [
    'Accept: application/json',
    "X-API-Key: {$apiKey}",
];
$context = stream_context_create([
    'http' => [
        'method' => 'DELETE',
        'header' => implode("\r\n", $headers),
        // Read the problem+json body of 4xx and 5xx answers instead of failing.
        'ignore_errors' => true,
        'timeout' => 30,
    ],
]);

$response = file_get_contents($url, false, $context);
echo $http_response_header[0], PHP_EOL;
echo $response, PHP_EOL;
