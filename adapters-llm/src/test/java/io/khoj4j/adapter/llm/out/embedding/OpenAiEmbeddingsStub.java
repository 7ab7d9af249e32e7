package io.khoj4j.adapter.llm.out.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WireMock extension that answers {@code POST /v1/embeddings} the way OpenAI's API does, for any input: one
 * {@code {"object":"embedding","index":i,"embedding":[...]}} per input text, in order, with usage counts. Each vector
 * is a function of its text alone (character trigrams hashed into {@code dimensions} components, or
 * {@value #DEFAULT_DIMENSION} when the request names none) and deliberately not of unit length, as some
 * OpenAI-compatible servers answer: normalizing is the adapter's job.
 */
final class OpenAiEmbeddingsStub implements ResponseDefinitionTransformerV2 {

  static final String NAME = "openai-embeddings";
  static final int DEFAULT_DIMENSION = 24;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    try {
      JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
      List<String> inputs = new ArrayList<>();
      JsonNode input = request.get("input");
      if (input.isArray()) {
        input.forEach(text -> inputs.add(text.asText()));
      } else {
        inputs.add(input.asText());
      }
      int dimension =
          request.hasNonNull("dimensions") ? request.get("dimensions").asInt() : DEFAULT_DIMENSION;
      ObjectNode body = JSON.createObjectNode()
          .put("object", "list")
          .put("model", request.get("model").asText());
      ArrayNode data = body.putArray("data");
      int tokens = 0;
      for (int i = 0; i < inputs.size(); i++) {
        ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
        ArrayNode vector = item.putArray("embedding");
        for (float x : vector(inputs.get(i), dimension)) {
          vector.add(x);
        }
        tokens += inputs.get(i).split("\\s+").length;
      }
      body.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(JSON.writeValueAsString(body))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] vector(String text, int dimension) {
    float[] v = new float[dimension];
    byte[] bytes = (" " + text + " ").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 2 < bytes.length; i++) {
      int h = (bytes[i] * 31 + bytes[i + 1]) * 31 + bytes[i + 2];
      v[Math.floorMod(h, dimension)] += 1 + Math.floorMod(h, 3);
    }
    return v;
  }
}
