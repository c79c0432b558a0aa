<?php
// PHP 8.0+. Import contacts from CSV into a group. Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$clientId = getenv('JUMBE_CLIENT_ID');
$apiKey = getenv('JUMBE_API_KEY');
$url = "{$baseUrl}/api/{$clientId}/contacts/import" . '?' . http_build_query(['group' => 'parents-form-2']);

$headers = [
    'Accept: application/json',
    "X-API-Key: {$apiKey}",
    'Content-Type: text/csv',
];
// A CSV file as the body; with a file on disk: $body = file_get_contents('contacts.csv');
$body = "phone,name,student,groups\r\n0712345678,\"Otieno, Amina\",Baraka,parents-form-2\r\n0722110150,Brian Kamau,Wanjiru,parents-form-2\r\n";
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
