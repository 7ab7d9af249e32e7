package io.khoj4j.bootstrap.testing;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A client of {@code WS /api/chat/ws} for tests: collects every text frame (parts joined) and completes
 * {@link #closed} with the close code.
 */
public final class ChatSocketFrames implements WebSocket.Listener {

  /** What follows every event frame. */
  public static final String DELIMITER = "\u2403\uD83D\uDD1A\u2417";

  public final List<String> frames = new CopyOnWriteArrayList<>();
  public final CompletableFuture<Integer> closed = new CompletableFuture<>();
  public volatile String closeReason;
  private final StringBuilder partial = new StringBuilder();

  /** Opens the chat socket of the running test server; a null token or origin leaves that header out. */
  public WebSocket connect(String token, String origin) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (origin != null) {
      builder.header("Origin", origin);
    }
    return builder
        .buildAsync(
            URI.create("ws://localhost:" + RestAssured.port + "/api/chat/ws?client=web"), this)
        .get(10, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(partial.toString());
      partial.setLength(0);
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
    closeReason = reason;
    closed.complete(status);
    return null;
  }

  public boolean has(String fragment) {
    return frames.stream().anyMatch(f -> f.contains(fragment));
  }

  public long count(String fragment) {
    return frames.stream().filter(f -> f.contains(fragment)).count();
  }

  public int indexOf(String fragment) {
    List<String> seen = List.copyOf(frames);
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).contains(fragment)) {
        return i;
      }
    }
    return -1;
  }

  /** Frames of answer text (neither JSON events nor delimiters). */
  public List<String> text() {
    return frames.stream()
        .filter(f -> !f.startsWith("{") && !f.equals(DELIMITER))
        .toList();
  }
}
