package io.khoj4j.bootstrap.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The lightest HTTP/1.1 client a load generator can be: one kept-alive socket per thread, a GET written as bytes, the
 * status read and the body read to its end (by {@code Content-Length} or chunk by chunk) without being parsed. The
 * JDK's {@code HttpClient} spends about 2 ms of CPU per search here (a selector thread, futures, a hand-off per
 * response), time that a benchmark with client and server on the same two cores takes from the server.
 */
final class PlainHttpGet implements AutoCloseable {

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  PlainHttpGet(URI base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /** Sends {@code GET pathAndQuery} and returns the status; the body is read and dropped. */
  int get(String pathAndQuery) throws IOException {
    return get(pathAndQuery, null);
  }

  /** The same with a bearer token, when {@code token} is not null. */
  int get(String pathAndQuery, String token) throws IOException {
    if (socket == null) {
      connect();
    }
    out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
            + (token == null ? "" : "\r\nAuthorization: Bearer " + token)
            + "\r\nAccept: application/json\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 ")) {
      throw new IOException("not an HTTP/1.1 response: " + status);
    }
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String h = header.toLowerCase(Locale.ROOT);
      if (h.startsWith("content-length:")) {
        length = Long.parseLong(h.substring(15).strip());
      } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
        chunked = true;
      } else if (h.startsWith("connection:") && h.contains("close")) {
        close = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].strip(), 16);
          size > 0;
          size = Long.parseLong(line().split(";")[0].strip(), 16)) {
        skip(size);
        line();
      }
      for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
        // trailers, if any, are dropped
      }
    } else if (length >= 0) {
      skip(length);
    } else {
      throw new IOException("a response without a length on a kept-alive connection");
    }
    if (close) {
      close();
    }
    return Integer.parseInt(status.substring(9, 12));
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 10_000);
    socket.setSoTimeout(60_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("the server closed the connection inside a body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
