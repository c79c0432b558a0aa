<?php
// PHP 8.0+. Apply for an account (no API key): Jumbe emails a verification link. Plain PHP, no packages.

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$url = "{$baseUrl}/api/signup";

$headers = [
    'Accept: application/json',
    'Content-Type: application/json',
];
$body = json_encode([
    'name' => 'Falley Medical Center',
    'email' => 'ops@falley.co.ke',
    'phone' => '0712345678',
    'sender_id' => 'FALLEY-MED',
    'use_case' => 'appointment reminders',
], JSON_UNESCAPED_UNICODE);
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
