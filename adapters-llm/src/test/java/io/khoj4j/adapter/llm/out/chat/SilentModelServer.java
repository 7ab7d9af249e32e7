package io.khoj4j.adapter.llm.out.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A model server on 127.0.0.1 that takes every request and then says nothing: either not even its headers, or its
 * headers and then no frame. It counts the requests it got and the connections still open, which it learns by reading
 * each socket until the client closes it. WireMock cannot tell when a client gives up on a response, so this is a
 * bare socket server.
 */
final class SilentModelServer implements AutoCloseable {

  enum Silence {
    BEFORE_HEADERS,
    AFTER_HEADERS
  }

  private final ServerSocket socket;
  private final Silence silence;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger openConnections = new AtomicInteger();

  SilentModelServer(Silence silence) throws IOException {
    this.silence = silence;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        openConnections.incrementAndGet();
        threads.execute(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream()) {
      int length = contentLength(readHead(in));
      in.readNBytes(length);
      requests.incrementAndGet();
      if (silence == Silence.AFTER_HEADERS) {
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      while (in.read() >= 0) {
        // nothing more is expected; wait for the client to close
      }
    } catch (IOException gone) {
      // the client reset the connection: closed as well
    } finally {
      openConnections.decrementAndGet();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return 0;
  }

  /** Polls for up to 10 s; the assertion that follows says what was missing. Never asserts on time. */
  static void await(BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
