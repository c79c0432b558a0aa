<?php
// PHP 8.0+. Confirm the address: what opening the emailed link does. Plain PHP, no packages.
// export SIGNUP_TOKEN=...   (the token= value of the verification link in the email)

$baseUrl = getenv('JUMBE_BASE_URL') ?: 'http://localhost:8080';
$token = getenv('SIGNUP_TOKEN');
if ($token === false || $token === '') {
    fwrite(STDERR, "set SIGNUP_TOKEN to the token= value of the verification link in the email\n");
    exit(1);
}
$url = "{$baseUrl}/api/signup/verify?" . http_build_query(['token' => $token]);

$context = stream_context_create([
    'http' => [
        'method' => 'GET',
        'header' => 'Accept: application/json',
        // Read the problem+json body of 4xx and 5xx answers instead of failing.
        'ignore_errors' => true,
        'timeout' => 30,
    ],
]);

$response = file_get_contents($url, false, $context);
echo $http_response_header[0], PHP_EOL;
echo $response, PHP_EOL;
