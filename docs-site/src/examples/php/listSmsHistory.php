<?php
// PHP 8.0+. Every delivered message, 100 per page, by cursor: each page starts after the last id of the one before
// (starting_after), so messages sent meanwhile neither repeat nor push others out.
// Plain PHP, no packages (HTTP stream wrapper).

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$clientId = getenv('JUMBE_CLIENT_ID');
$apiKey = getenv('JUMBE_API_KEY');
$params = [
    'status' => 'delivered',
    'per_page' => '100',
];

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

while (true) {
    $url = "{$baseUrl}/api/{$clientId}/sms/history" . '?' . http_build_query($params);
    $response = file_get_contents($url, false, $context);
    echo $http_response_header[0], PHP_EOL;
    echo $response, PHP_EOL;
    $page = json_decode($response, true);
    if (!isset($page['meta']) || !$page['meta']['has_more']) {
        break;
    }
    $params['starting_after'] = end($page['data'])['message_id'];
}
