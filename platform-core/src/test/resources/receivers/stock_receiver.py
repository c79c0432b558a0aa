# A webhook receiver written the way the Python docs show: a stock BaseHTTPRequestHandler (HTTP/1.0, so it
# closes the connection after each answer without saying so). Prints "ready PORT", then "received ID" per request.
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        print("received", self.headers.get("webhook-id"), flush=True)
        reply = b"ok"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Receiver)
print("ready", server.server_port, flush=True)
server.serve_forever()
