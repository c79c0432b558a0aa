package io.jumbe.core.notify;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server that offers STARTTLS (GreenMail 2.1 does not) with GreenMail's test certificate, and records
 * each message with whether it arrived over TLS.
 */
final class StartTlsSmtpServer implements AutoCloseable {
    /** A message received: its DATA, and whether the connection had been upgraded to TLS first. */
    record Received(String data, boolean overTls) {
    }

    private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final SSLContext tls;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StartTlsSmtpServer() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(new DummySSLServerSocketFactory().getKeyStore(), "changeit".toCharArray());
        tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        Thread thread = new Thread(this::serve, "starttls-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Received> received() {
        return received;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket plain = socket.accept()) {
                converse(plain);
            } catch (IOException e) {
                // closed by the test, or a client that went away
            }
        }
    }

    private void converse(Socket plain) throws IOException {
        Socket current = plain;
        boolean overTls = false;
        BufferedReader in = reader(current);
        PrintWriter out = writer(current);
        reply(out, "220 starttls.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (verb) {
                case "EHLO" -> reply(out, overTls ? "250 starttls.test" : "250-starttls.test\r\n250 STARTTLS");
                case "STAR" -> {
                    reply(out, "220 go ahead");
                    SSLSocket upgraded = (SSLSocket) tls.getSocketFactory().createSocket(current,
                            current.getInetAddress().getHostAddress(), current.getPort(), true);
                    upgraded.setUseClientMode(false);
                    upgraded.startHandshake();
                    current = upgraded;
                    overTls = true;
                    in = reader(current);
                    out = writer(current);
                }
                case "DATA" -> {
                    reply(out, "354 end with .");
                    StringBuilder data = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        data.append(dataLine).append('\n');
                    }
                    received.add(new Received(data.toString(), overTls));
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static PrintWriter writer(Socket s) throws IOException {
        return new PrintWriter(s.getOutputStream(), false, StandardCharsets.US_ASCII);
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
