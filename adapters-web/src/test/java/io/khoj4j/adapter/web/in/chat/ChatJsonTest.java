package io.khoj4j.adapter.web.in.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.CodeRun;
import io.khoj4j.domain.chat.Intent;
import io.khoj4j.domain.chat.OnlineResult;
import io.khoj4j.domain.chat.Speaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatJsonTest {

  @Test
  void anInterruptedAnswerCarriesItsFindingsAsKhojsResearchIterationsAndOthersNone() {
    ChatMessage interrupted = new ChatMessage(
        Speaker.KHOJ,
        "",
        Instant.parse("2026-01-02T10:11:12Z"),
        "t1",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        new Intent("remember", "what does tea cost", "notes", List.of()),
        List.of(),
        List.of(),
        null,
        null,
        List.of("Tea costs 3 EUR."));
    ChatMessage finished = ChatMessage.fromUser(
        "what does tea cost", Instant.parse("2026-01-02T10:11:12Z"), "t1", List.of(), List.of());

    assertThat(ChatJson.write(ChatJson.message(interrupted)))
        .contains(
            "\"researchContext\":[{\"query\":\"what does tea cost\",\"summarizedResult\":\"Tea costs 3 EUR.\"}]")
        .contains("\"message\":\"\"");
    assertThat(ChatJson.write(ChatJson.message(finished))).contains("\"researchContext\":null");
  }

  @Test
  void generatedAssetsAreKhojsEventWithOnlyWhatTheTurnMade() {
    assertThat(ChatJson.event(
            new ChatEvent.GeneratedAssets(List.of("data:image/png;base64,AAA="), null)))
        .isEqualTo(
            "{\"type\":\"generated_assets\",\"data\":{\"images\":[\"data:image/png;base64,AAA=\"]}}");
    assertThat(ChatJson.event(new ChatEvent.GeneratedAssets(List.of(), "flowchart TD\n  A --> B")))
        .isEqualTo(
            "{\"type\":\"generated_assets\",\"data\":{\"mermaidjsDiagram\":\"flowchart TD\\n  A --> B\"}}");
  }

  @Test
  void theNonStreamingAnswerCarriesTheGeneratedImagesAndDiagram() {
    ChatResource.Aggregate plain = new ChatResource.Aggregate(() -> false);
    plain.emit(new ChatEvent.Text("Hello"));
    assertThat(ChatJson.write(plain.json()))
        .isEqualTo("{\"response\":\"Hello\",\"references\":{},\"usage\":{},"
            + "\"images\":[],\"files\":[],\"mermaidjsDiagram\":[]}");

    ChatResource.Aggregate made = new ChatResource.Aggregate(() -> false);
    made.emit(new ChatEvent.References(
        List.of(),
        List.of(),
        List.of(OnlineResult.search("q", List.of(), Optional.empty(), List.of())),
        List.of()));
    made.emit(new ChatEvent.GeneratedAssets(List.of("https://img.example/fox.webp"), null));
    made.emit(new ChatEvent.GeneratedAssets(List.of(), "pie\n  \"tea\" : 3"));
    made.emit(new ChatEvent.Text("Here you are."));

    assertThat(made.json().response()).isEqualTo("Here you are.");
    assertThat(made.json().images()).containsExactly("https://img.example/fox.webp");
    assertThat(made.json().mermaidjsDiagram()).isEqualTo("pie\n  \"tea\" : 3");
    assertThat(ChatJson.write(made.json().references()))
        .isEqualTo(
            "{\"inferredQueries\":[],\"context\":[],\"onlineContext\":{\"q\":{\"organic\":[]}},\"codeContext\":{}}");
  }

  @Test
  void toolFindingsAreWrittenInKhojsShapesKeyedByQueryInTheOrderTheTurnRanThem() {
    OnlineResult searched = OnlineResult.search(
        "matcha price",
        List.of(new OnlineResult.Hit("Matcha", "https://tea.example/m", "30 EUR")),
        Optional.of(new OnlineResult.AnswerBox("Price", "About 30 EUR", Optional.empty())),
        List.of(new OnlineResult.PageExtract(
            "matcha price", "https://tea.example/m", "ceremonial grade")));
    OnlineResult read = OnlineResult.pagesRead(
        "see https://tea.example/g",
        List.of(new OnlineResult.PageExtract(
            "see https://tea.example/g", "https://tea.example/g", "steep 2 min")));
    CodeRun run = new CodeRun(
        "count cups",
        "print(3)",
        true,
        List.of(new CodeRun.OutputFile("c.png", "iVBO")),
        "3\n",
        "",
        Optional.of(Duration.ofMillis(120)));

    String json = ChatJson.write(ChatJson.references(new ChatEvent.References(
        List.of("matcha"), List.of(), List.of(searched, read), List.of(run))));

    assertThat(json)
        .isEqualTo("{\"inferredQueries\":[\"matcha\"],\"context\":[],\"onlineContext\":{"
            + "\"matcha price\":{\"organic\":[{\"title\":\"Matcha\",\"link\":\"https://tea.example/m\","
            + "\"snippet\":\"30 EUR\"}],\"answerBox\":{\"title\":\"Price\",\"snippet\":\"About 30 EUR\"},"
            + "\"webpages\":[{\"query\":\"matcha price\",\"link\":\"https://tea.example/m\","
            + "\"snippet\":\"ceremonial grade\"}]},"
            + "\"see https://tea.example/g\":{\"webpages\":[{\"query\":\"see https://tea.example/g\","
            + "\"link\":\"https://tea.example/g\",\"snippet\":\"steep 2 min\"}]}},"
            + "\"codeContext\":{\"count cups\":{\"code\":\"print(3)\",\"results\":{\"success\":true,"
            + "\"output_files\":[{\"filename\":\"c.png\",\"b64_data\":\"iVBO\"}],\"std_out\":\"3\\n\","
            + "\"std_err\":\"\",\"code_runtime\":120}}}}");
  }
}
