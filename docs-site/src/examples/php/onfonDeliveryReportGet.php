<?php
// PHP 8.0+. What Onfon sends: a delivery report as a GET (ONFON_DLR_TOKEN). Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$token = getenv('ONFON_DLR_TOKEN') ?: 'change-me';
$url = "{$baseUrl}/api/webhooks/onfon/dlr/{$token}" . '?' . http_build_query([
    'messageId' => '7444f504-6760-43fd-9b40-2708da61d114',
    'mobile' => '254712345678',
    'status' => 'DELIVRD',
    'errorCode' => '000',
    'submitDate' => '2026-04-08 09:30',
    'doneDate' => '2026-04-08 09:31',
]);

$headers = [
    'Accept: application/json',
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
