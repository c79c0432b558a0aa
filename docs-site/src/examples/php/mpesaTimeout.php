<?php
// PHP 8.0+. What Safaricom sends: a queue timeout (MPESA_CALLBACK_TOKEN). Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$token = getenv('MPESA_CALLBACK_TOKEN') ?: 'change-me';
$url = "{$baseUrl}/api/webhooks/mpesa/timeout/{$token}";

$headers = [
    'Accept: application/json',
    'Content-Type: application/json',
];
$body = json_encode([
    'Body' => [
        'stkCallback' => [
            'MerchantRequestID' => '98357-32706531-1',
            'CheckoutRequestID' => 'ws_CO_13102022155941641714596833',
            'ResultCode' => 1037,
            'ResultDesc' => 'DS timeout user cannot be reached',
        ],
    ],
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
