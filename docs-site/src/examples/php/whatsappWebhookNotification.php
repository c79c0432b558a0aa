<?php
// PHP 8.0+. What Meta sends: a status notification, signed with the app secret (WHATSAPP_APP_SECRET) over the exact bytes.
// Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$appSecret = getenv('WHATSAPP_APP_SECRET') ?: 'simulator-app-secret';
$url = "{$baseUrl}/api/webhooks/whatsapp";

$body = json_encode([
    'object' => 'whatsapp_business_account',
    'entry' => [[
        'id' => '200000000000001',
        'changes' => [[
            'field' => 'messages',
            'value' => [
                'messaging_product' => 'whatsapp',
                'metadata' => ['display_phone_number' => '15550984277', 'phone_number_id' => '100000000000001'],
                'statuses' => [['id' => 'wamid.EXAMPLE', 'status' => 'delivered', 'timestamp' => '1694492484',
                    'recipient_id' => '254712345678']],
            ],
        ]],
    ]],
]);
// The signature covers these exact bytes: never re-serialise the JSON after signing it.
$signature = 'sha256=' . hash_hmac('sha256', $body, $appSecret);
$context = stream_context_create([
    'http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\nX-Hub-Signature-256: {$signature}",
        'content' => $body,
        'ignore_errors' => true,
        'timeout' => 30,
    ],
]);

$response = file_get_contents($url, false, $context);
echo $http_response_header[0], PHP_EOL;
echo $response, PHP_EOL;
