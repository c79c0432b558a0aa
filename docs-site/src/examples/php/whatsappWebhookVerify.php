<?php
// PHP 8.0+. What Meta sends when the callback URL is set up: the verification challenge (WHATSAPP_VERIFY_TOKEN).
// Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$verifyToken = getenv('WHATSAPP_VERIFY_TOKEN');
if (!$verifyToken) {
    fwrite(STDERR, "Set WHATSAPP_VERIFY_TOKEN first.\n");
    exit(1);
}
$url = "{$baseUrl}/api/webhooks/whatsapp?" . http_build_query([
    'hub.mode' => 'subscribe',
    'hub.challenge' => '1158201444',
    'hub.verify_token' => $verifyToken,
]);
$context = stream_context_create(['http' => ['method' => 'GET', 'ignore_errors' => true, 'timeout' => 30]]);

$response = file_get_contents($url, false, $context);
echo $http_response_header[0], PHP_EOL;
echo $response, PHP_EOL;
