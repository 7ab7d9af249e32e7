package io.khoj4j.adapter.web.in.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.chat.ChatEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatJsonTest {

  @Test
  void generatedAssetsAreKhojsEventWithOnlyWhatTheTurnMade() {
    assertThat(ChatJson.event(new ChatEvent.GeneratedAssets(List.of("data:image/png;base64,AAA="), null)))
        .isEqualTo("{\"type\":\"generated_assets\",\"data\":{\"images\":[\"data:image/png;base64,AAA=\"]}}");
    assertThat(ChatJson.event(new ChatEvent.GeneratedAssets(List.of(), "flowchart TD\n  A --> B")))
        .isEqualTo("{\"type\":\"generated_assets\",\"data\":{\"mermaidjsDiagram\":\"flowchart TD\\n  A --> B\"}}");
  }

  @Test
  void theNonStreamingAnswerCarriesTheGeneratedImagesAndDiagram() {
    ChatResource.Aggregate plain = new ChatResource.Aggregate(() -> false);
    plain.emit(new ChatEvent.Text("Hello"));
    assertThat(plain.json()).containsEntry("images", List.of()).containsEntry("mermaidjsDiagram", List.of());

    ChatResource.Aggregate made = new ChatResource.Aggregate(() -> false);
    made.emit(new ChatEvent.References(List.of(), List.of(), Map.of("q", Map.of("organic", List.of())), Map.of()));
    made.emit(new ChatEvent.GeneratedAssets(List.of("https://img.example/fox.webp"), null));
    made.emit(new ChatEvent.GeneratedAssets(List.of(), "pie\n  \"tea\" : 3"));
    made.emit(new ChatEvent.Text("Here you are."));

    assertThat(made.json()).containsEntry("response", "Here you are.")
        .containsEntry("images", List.of("https://img.example/fox.webp"))
        .containsEntry("mermaidjsDiagram", "pie\n  \"tea\" : 3");
    assertThat(made.json().get("references")).isEqualTo(Map.of("inferredQueries", List.of(), "context", List.of(),
        "onlineContext", Map.of("q", Map.of("organic", List.of())), "codeContext", Map.of()));
  }
}
