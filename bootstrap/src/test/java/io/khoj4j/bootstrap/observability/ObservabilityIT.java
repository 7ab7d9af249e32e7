package io.khoj4j.bootstrap.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.PromptMessage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With traces on (exported to memory instead of OTLP) and JSON logs on: the spans ADR 0029 names are there, with
 * their attributes, as children of the request's span; a log line is one JSON object carrying the request id.
 */
@QuarkusTest
@TestProfile(ObservabilityIT.TracesAndJsonLogs.class)
class ObservabilityIT {

  public static class TracesAndJsonLogs implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.otel.sdk.disabled", "false", "quarkus.log.console.json.enabled", "true");
    }
  }

  /** Every finished span goes to memory at once, beside the server's own export. */
  @Singleton
  static class Exporter {
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @Produces
    @Singleton
    SpanProcessor toMemory() {
      return SimpleSpanProcessor.create(SPANS);
    }
  }

  @Inject
  ChatModelGateway gateway;

  private static TestUser alice;

  @BeforeEach
  void index() {
    if (alice != null) {
      return;
    }
    alice = TestUsers.create();
    Multipart notes = Multipart.files()
        .add(
            "/notes/tea.md",
            "text/markdown",
            "# Tea\nGreen tea ceremony in Kyoto with matcha whisk.\n")
        .add(
            "/notes/page.html",
            "text/html",
            "<html><body><p>Espresso beans roasting at home.</p></body></html>");
    alice
        .request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
  }

  @Test
  void indexingHasParseEmbedAndWriteSpansUnderTheRequestSpan() {
    Exporter.SPANS.reset();
    Multipart page = Multipart.files()
        .add(
            "/notes/other.html",
            "text/html",
            "<html><body><p>Darjeeling first flush notes.</p></body></html>");
    alice
        .request()
        .contentType(page.contentType())
        .body(page.body())
        .patch("/api/content")
        .then()
        .statusCode(200);

    SpanData parse = awaitSpan(s -> s.getName().equals("index.parse"));
    assertThat(parse.getAttributes().get(AttributeKey.longKey("khoj.bytes"))).isPositive();
    SpanData embed = awaitSpan(s -> s.getName().equals("embed.documents"));
    assertThat(embed.getAttributes().get(AttributeKey.stringKey("khoj.embedding.model")))
        .isNotBlank();
    assertThat(embed.getAttributes().get(AttributeKey.longKey("khoj.embedding.texts")))
        .isPositive();
    SpanData write = awaitSpan(s -> s.getName().equals("index.write"));
    assertThat(write.getAttributes().get(AttributeKey.longKey("khoj.chunks"))).isPositive();
    SpanData request =
        awaitSpan(s -> !s.getParentSpanContext().isValid() && s.getName().contains("/api/content"));
    for (SpanData child : List.of(parse, embed, write)) {
      assertThat(child.getTraceId()).as(child.getName()).isEqualTo(request.getTraceId());
    }
  }

  @Test
  void searchHasEmbedAndEachRankerUnderTheRequestSpan() {
    Exporter.SPANS.reset();
    alice.request().queryParam("q", "green tea").get("/api/search").then().statusCode(200);

    SpanData query = awaitSpan(s -> s.getName().equals("embed.query"));
    SpanData vector = awaitSpan(s -> s.getName().equals("search.rank.vector"));
    SpanData keyword = awaitSpan(s -> s.getName().equals("search.rank.keyword"));
    SpanData request =
        awaitSpan(s -> !s.getParentSpanContext().isValid() && s.getName().contains("/api/search"));
    for (SpanData child : List.of(query, vector, keyword)) {
      assertThat(child.getTraceId()).as(child.getName()).isEqualTo(request.getTraceId());
    }
  }

  @Test
  void aModelCallIsOneSpanWithItsTokenCounts() {
    FakeOpenAi model = new FakeOpenAi().start();
    try {
      model.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
          .willReturn(FakeOpenAi.stream("Hi", " there")));
      ChatCompletion answer = gateway.complete(new ChatCompletionRequest(
          new ChatModelEndpoint(
              ModelVendor.OPENAI, "local", model.server.baseUrl() + "/v1", "sk-x", 8000, false),
          List.of(new PromptMessage.User("hello")),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty()));
      assertThat(answer.text()).isEqualTo("Hi there");
    } finally {
      model.stop();
    }
    SpanData call = awaitSpan(s -> s.getName().equals("llm.chat"));
    assertThat(call.getAttributes().get(AttributeKey.stringKey("gen_ai.system")))
        .isEqualTo("openai");
    assertThat(call.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")))
        .isEqualTo("local");
    assertThat(call.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
        .isEqualTo(50L);
    assertThat(call.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")))
        .isEqualTo(7L);
  }

  @Test
  void consoleLinesAreJsonWithTheRequestId() throws Exception {
    Formatter formatter = jsonFormatter(Logger.getLogger("").getHandlers());
    assertThat(formatter).as("a JSON formatter on the console").isNotNull();
    ExtLogRecord record =
        new ExtLogRecord(Level.INFO, "indexed 2 files", ObservabilityIT.class.getName());
    record.setLoggerName("io.khoj4j.test");
    MDC.put("request_id", "req-42");
    try {
      record.copyMdc();
    } finally {
      MDC.remove("request_id");
    }
    JsonNode line = new ObjectMapper().readTree(formatter.format(record));
    assertThat(line.path("message").asText()).isEqualTo("indexed 2 files");
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("mdc").path("request_id").asText()).isEqualTo("req-42");
  }

  /** The JSON formatter among the root handlers and the handlers they delegate to (Quarkus nests them). */
  private static Formatter jsonFormatter(Handler[] handlers) {
    for (Handler handler : handlers) {
      if (handler.getFormatter() != null
          && handler.getFormatter().getClass().getName().contains("Json")) {
        return handler.getFormatter();
      }
      if (handler instanceof ExtHandler ext) {
        Formatter nested = jsonFormatter(ext.getHandlers());
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  /** Spans are exported in batches: waits (bounded) until one matching span has arrived. */
  private static SpanData awaitSpan(Predicate<SpanData> match) {
    for (int i = 0; i < 200; i++) {
      Optional<SpanData> found =
          Exporter.SPANS.getFinishedSpanItems().stream().filter(match).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no such span among "
        + Exporter.SPANS.getFinishedSpanItems().stream().map(SpanData::getName).toList());
  }
}
