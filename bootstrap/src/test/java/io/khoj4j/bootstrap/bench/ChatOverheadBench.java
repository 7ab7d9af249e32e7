package io.khoj4j.bootstrap.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.khoj4j.bootstrap.testing.Multipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The server's own overhead per chat turn, against a model stand-in with fixed latency that runs in this JVM, so
 * the stand-in's timestamps and the client's share one clock. Run by {@code bench/chat-overhead.sh}, which starts
 * this (the stand-in first), then the server configured with the stand-in as its OpenAI-compatible model.
 *
 * <p>Per turn ({@code POST /api/chat}, {@code stream: true}, notes mode): time to the first event; time from the
 * model's last answer token leaving the stand-in to {@code end_response} reaching the client; and the whole turn
 * minus the time spent inside model calls (search, prompt building, storing the turn, streaming).
 *
 * <p>Arguments: stand-in port, server base URL, turns.
 */
public final class ChatOverheadBench {

  /** The stand-in's latency: first token after this long, then one token every {@link #TOKEN_GAP_MS}. */
  static final int FIRST_TOKEN_MS = 150;

  static final int TOKEN_GAP_MS = 5;
  static final int ANSWER_TOKENS = 40;
  private static final String DELIMITER = "\u2403\uD83D\uDD1A\u2417";

  /** One model call as the stand-in saw it (nanoTime). */
  record Call(String kind, long received, long lastToken) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  public static void main(String[] args) throws Exception {
    ChatOverheadBench bench = new ChatOverheadBench();
    HttpServer stub = bench.startStub(Integer.parseInt(args[0]));
    try {
      bench.run(args[1], Integer.parseInt(args[2]));
    } finally {
      stub.stop(0);
    }
  }

  // ------------------------------------------------------------------------------------------------ the stand-in

  private HttpServer startStub(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/v1/models",
        ex -> respond(
            ex,
            200,
            "application/json",
            "{\"object\":\"list\",\"data\":[{\"id\":\"stub-model\",\"object\":\"model\",\"owned_by\":\"bench\"}]}"));
    server.createContext("/v1/chat/completions", this::complete);
    server.start();
    System.out.println("model stand-in on port " + port + ": first token " + FIRST_TOKEN_MS
        + " ms, then a token every " + TOKEN_GAP_MS + " ms");
    return server;
  }

  private void complete(HttpExchange ex) throws IOException {
    long received = System.nanoTime();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String kind;
    List<String> tokens = new ArrayList<>();
    if (body.contains("Decide where the answer")) {
      kind = "tool choice";
      tokens.add("{\"source\": [\"notes\"], \"output\": \"text\"}");
    } else if (body.contains("short search queries")) {
      kind = "search queries";
      tokens.add("{\"queries\": [\"green tea brewing\"]}");
    } else if (body.contains("Give this conversation a title")) {
      kind = "title";
      tokens.add("Tea notes");
    } else {
      kind = "answer";
      for (int i = 0; i < ANSWER_TOKENS; i++) {
        tokens.add("word" + i + " ");
      }
    }
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    long lastToken;
    try (OutputStream out = ex.getResponseBody()) {
      sleepUntil(received + FIRST_TOKEN_MS * 1_000_000L);
      long next = System.nanoTime();
      for (String token : tokens) {
        sleepUntil(next);
        out.write(
            ("data: {\"id\":\"b1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub-model\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(token)
                    + "},\"finish_reason\":null}]}\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        next += TOKEN_GAP_MS * 1_000_000L;
      }
      lastToken = System.nanoTime();
      out.write(
          ("data: {\"id\":\"b1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub-model\","
                  + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                  + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":" + tokens.size()
                  + ",\"total_tokens\":"
                  + (100 + tokens.size()) + "}}\n\ndata: [DONE]\n\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    calls.add(new Call(kind, received, lastToken));
  }

  private static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void respond(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  // ------------------------------------------------------------------------------------------------ the turns

  private void run(String base, int turns) throws Exception {
    awaitHealthy(base);
    Multipart notes = Multipart.files();
    for (int i = 0; i < 30; i++) {
      notes.add(
          "bench/tea-" + i + ".md",
          "text/markdown; charset=utf-8",
          "# Tea note " + i + "\nGreen tea number " + i
              + " brews at 80 degrees for two minutes; black tea at 95.\n");
    }
    HttpResponse<String> uploaded = http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/content?client=bench"))
            .header("Content-Type", notes.contentType())
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(notes.body()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (uploaded.statusCode() != 200) {
      throw new IllegalStateException(
          "upload failed: " + uploaded.statusCode() + " " + uploaded.body());
    }

    List<Double> firstEvent = new ArrayList<>();
    List<Double> lastTokenToEnd = new ArrayList<>();
    List<Double> serverTime = new ArrayList<>();
    List<Double> whole = new ArrayList<>();
    int modelCalls = 0;
    int warmup = Math.min(10, turns);
    for (int t = 0; t < warmup + turns; t++) {
      String conversation = conversation(base);
      calls.clear();
      Turn turn = turn(base, conversation, "How long should green tea brew?");
      List<Call> seen = calls.stream().filter(c -> c.received() < turn.end()).toList();
      Call answer = seen.stream()
          .filter(c -> c.kind().equals("answer"))
          .reduce((a, b) -> b)
          .orElseThrow(() -> new IllegalStateException("the turn made no answer call"));
      if (t < warmup) {
        continue;
      }
      long inModel = seen.stream().mapToLong(c -> c.lastToken() - c.received()).sum();
      modelCalls += seen.size();
      firstEvent.add((turn.firstEvent() - turn.sent()) / 1e6);
      lastTokenToEnd.add((turn.end() - answer.lastToken()) / 1e6);
      whole.add((turn.end() - turn.sent()) / 1e6);
      serverTime.add((turn.end() - turn.sent() - inModel) / 1e6);
    }
    System.out.printf(
        Locale.ROOT,
        "%d turns (after %d warm-up), %.1f model calls per turn%n",
        turns,
        warmup,
        modelCalls / (double) turns);
    report("time to first event", firstEvent);
    report("model's last token -> end_response", lastTokenToEnd);
    report("turn minus time inside model calls", serverTime);
    report("whole turn", whole);
  }

  record Turn(long sent, long firstEvent, long end) {}

  private Turn turn(String base, String conversation, String q) throws Exception {
    String body =
        "{\"q\":" + quote(q) + ",\"stream\":true,\"conversation_id\":\"" + conversation + "\"}";
    long sent = System.nanoTime();
    HttpResponse<InputStream> r = http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/chat"))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("chat failed: HTTP " + r.statusCode());
    }
    long firstEvent = 0;
    long end = 0;
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[8192];
    try (InputStream in = r.body()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        long now = System.nanoTime();
        if (firstEvent == 0) {
          firstEvent = now;
        }
        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        if (end == 0 && text.indexOf("\"end_response\"") >= 0) {
          end = now;
        }
      }
    }
    if (end == 0 || !text.toString().contains(DELIMITER)) {
      throw new IllegalStateException("the stream ended without end_response: " + text);
    }
    if (!text.toString().contains("word" + (ANSWER_TOKENS - 1))) {
      throw new IllegalStateException("the answer did not reach the client: " + text);
    }
    return new Turn(sent, firstEvent, end);
  }

  private String conversation(String base) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/chat/sessions"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
    String b = r.body();
    int at = b.indexOf("\"conversation_id\":\"") + 19;
    return b.substring(at, b.indexOf('"', at));
  }

  private void awaitHealthy(String base) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server did not come up at " + base);
  }

  private static void report(String label, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "  %-38s p50 %7.1f ms, p90 %7.1f ms, max %7.1f ms%n",
        label,
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.9)),
        sorted.getLast());
  }
}
