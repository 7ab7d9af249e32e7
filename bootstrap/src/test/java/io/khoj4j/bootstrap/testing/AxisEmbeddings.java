package io.khoj4j.bootstrap.testing;

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
import java.util.List;
import java.util.stream.IntStream;

/**
 * A WireMock transformer answering as OpenAI's {@code /v1/embeddings} does, one vector per input text: along the first
 * axis for a text about zebras or animals, along the second for any other. A query about animals thus finds the zebra
 * note by its vector alone.
 */
public final class AxisEmbeddings implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "axis-embeddings";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String model;
  private final int dimension;

  /** A note about zebras and one about tea, for a test's user to push. */
  public static Multipart notes() {
    return Multipart.files()
        .add("/notes/zebra.md", "text/markdown", "# Zebra\nZebra stripes confuse biting flies.")
        .add("/notes/tea.md", "text/markdown", "# Tea\nGreen tea in Kyoto.");
  }

  /**
   * The files {@code user}'s search for an animal finds, best first: the query shares no word with either of
   * {@link #notes()}, so the vectors alone rank them, the zebra note first.
   */
  public static List<String> searchForAnAnimal(TestUsers.TestUser user) {
    return user.request()
        .queryParam("q", "a savanna animal")
        .get("/api/search")
        .then()
        .statusCode(200)
        .extract()
        .path("additional.file");
  }

  public AxisEmbeddings(String model, int dimension) {
    this.model = model;
    this.dimension = dimension;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    try {
      ObjectNode body = JSON.createObjectNode().put("object", "list").put("model", model);
      ArrayNode data = body.putArray("data");
      int index = 0;
      for (JsonNode input : JSON.readTree(event.getRequest().getBodyAsString()).get("input")) {
        String text = input.asText();
        int axis = text.contains("Zebra") || text.contains("animal") ? 0 : 1;
        ArrayNode vector =
            data.addObject().put("object", "embedding").put("index", index++).putArray("embedding");
        IntStream.range(0, dimension).forEach(i -> vector.add(i == axis ? 1.0 : 0.0));
      }
      body.putObject("usage").put("prompt_tokens", index).put("total_tokens", index);
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(JSON.writeValueAsString(body))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
