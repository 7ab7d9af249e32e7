package io.khoj4j.bootstrap.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;

/**
 * A stand-in OpenAI-compatible server speaking the real streaming format, configured as the server's default model
 * through the admin API. Helper calls (source choice, search queries, titles) are answered by what their prompt asks.
 */
public final class FakeOpenAi {

  public final WireMockServer server = new WireMockServer(options().dynamicPort());

  public FakeOpenAi start() {
    server.start();
    return this;
  }

  public void stop() {
    server.stop();
  }

  public static String sse(String... deltas) {
    return sse(java.util.List.of(), deltas);
  }

  /** A streamed answer whose reasoning deltas ({@code reasoning_content}) come before its text deltas. */
  public static String sse(java.util.List<String> thoughts, String... deltas) {
    StringBuilder body = new StringBuilder();
    for (String thought : thoughts) {
      body.append(
              "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"local\","
                  + "\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":")
          .append(quote(thought))
          .append("},\"finish_reason\":null}]}\n\n");
    }
    for (String delta : deltas) {
      body.append(
              "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"local\","
                  + "\"choices\":[{\"index\":0,\"delta\":{\"content\":")
          .append(quote(delta))
          .append("},\"finish_reason\":null}]}\n\n");
    }
    body.append(
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"local\","
            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    body.append(
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"local\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":7,\"total_tokens\":57}}\n\n");
    body.append("data: [DONE]\n\n");
    return body.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  public static ResponseDefinitionBuilder stream(String... deltas) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(sse(deltas));
  }

  public static ResponseDefinitionBuilder streamWithThoughts(
      java.util.List<String> thoughts, String... deltas) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(sse(thoughts, deltas));
  }

  /** Answers: tool choice = notes, queries = the given ones, title = the given one, and the final answer. */
  public void script(String answer, String title, String... queries) {
    server.resetAll();
    StringBuilder q = new StringBuilder();
    for (String query : queries) {
      q.append(q.isEmpty() ? "" : ",").append(quote(query));
    }
    server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(5)
        .willReturn(stream(
            answer.substring(0, answer.length() / 2), answer.substring(answer.length() / 2))));
    server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("Decide where the answer"))
        .willReturn(stream("{\"source\": [\"notes\"], \"output\": \"text\"}")));
    server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("short search queries"))
        .willReturn(stream("{\"queries\": [" + q + "]}")));
    server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("Give this conversation a title"))
        .willReturn(stream(title)));
  }

  /**
   * The memory step after a turn (on top of {@link #script}): an exchange containing {@code whenSaid} reveals
   * {@code fact}; any other exchange reveals nothing.
   */
  public void remembers(String whenSaid, String fact) {
    server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("facts worth remembering"))
        .withRequestBody(containing(whenSaid))
        .willReturn(stream("{\"create\": [" + quote(fact) + "], \"delete\": []}")));
    server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(2)
        .withRequestBody(containing("facts worth remembering"))
        .willReturn(stream("{\"create\": [], \"delete\": []}")));
  }

  /** Makes this stand-in the server's only chat model (admin API), returning its model id. */
  public long configureAsDefault(TestUsers.TestUser admin) {
    return configureAsDefault(admin, server.baseUrl());
  }

  /** Makes an OpenAI-compatible server at {@code baseUrl} (without {@code /v1}) the server's only chat model. */
  public static long configureAsDefault(TestUsers.TestUser admin, String baseUrl) {
    removeAllModels(admin);
    String api = admin.created(
        "/api/admin/model-apis",
        Map.of(
            "name", "fake-" + System.nanoTime(), "base_url", baseUrl + "/v1", "api_key", "sk-x"));
    long id = Long.parseLong(admin.created(
        "/api/admin/chat-models",
        Map.of(
            "name",
            "local",
            "friendly_name",
            "Local Model",
            "model_type",
            "openai",
            "max_prompt_size",
            8000,
            "ai_model_api_id",
            api)));
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("chat_model_id", id))
        .put("/api/admin/chat-models/default")
        .then()
        .statusCode(200);
    return id;
  }

  public static void removeAllModels(TestUsers.TestUser admin) {
    for (Object api :
        admin.request().get("/api/admin/model-apis").then().extract().jsonPath().getList("id")) {
      admin.request().delete("/api/admin/model-apis/" + api).then().statusCode(200);
    }
    for (Object model : admin
        .request()
        .get("/api/admin/chat-models")
        .then()
        .extract()
        .jsonPath()
        .getList("id")) {
      admin.request().delete("/api/admin/chat-models/" + model).then().statusCode(200);
    }
  }
}
