// A webhook receiver on Node's stock http server (keep-alive sockets closed after 5 s idle).
// Prints "ready PORT", then "received ID" per request.
const http = require('http');

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    console.log('received ' + req.headers['webhook-id']);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
  });
});
server.listen(0, '127.0.0.1', () => console.log('ready ' + server.address().port));
