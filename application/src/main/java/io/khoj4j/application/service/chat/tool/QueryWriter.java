package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.TokenUsage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The model turns the latest message and the conversation into search queries, with a prompt of its own for each
 * place searched (the notes, the web); without a model, or when it fails, the message itself is the query.
 */
public final class QueryWriter {

  public record Queries(List<String> queries, TokenUsage usage) {}

  private final ModelCalls calls;
  private final Clock clock;

  public QueryWriter(ModelCalls calls, Clock clock) {
    this.calls = calls;
    this.clock = clock;
  }

  /** Up to {@code max} queries from the prompt resource {@code prompt} ({@code {"queries": [...]}}). */
  public Queries write(
      String prompt,
      int max,
      Optional<ChatModelEndpoint> model,
      String q,
      List<ChatMessage> history,
      ChatCommand.Location location,
      Optional<PromptBuilder.Persona> persona,
      BooleanSupplier stop) {
    if (model.isEmpty()) {
      return new Queries(List.of(q), TokenUsage.NONE);
    }
    String where = location.describe();
    String text = Prompts.render(
        prompt,
        Map.of(
            "persona",
            PromptBuilder.Persona.context(persona),
            "max",
            String.valueOf(max),
            "date",
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(),
            "location",
            where.isEmpty() ? "unknown" : where,
            "history",
            PromptBuilder.formatHistory(history, 6),
            "query",
            q));
    return calls
        .json(
            model.get(),
            text,
            "{\"type\":\"object\",\"properties\":{\"queries\":{\"type\":\"array\","
                + "\"items\":{\"type\":\"string\"},\"maxItems\":" + max
                + "}},\"required\":[\"queries\"]}",
            "write search queries",
            stop)
        .map(c -> {
          List<String> queries = calls.strings(c, "queries");
          return new Queries(
              queries.isEmpty() ? List.of(q) : queries.subList(0, Math.min(max, queries.size())),
              c.usage());
        })
        .orElseGet(() -> new Queries(List.of(q), TokenUsage.NONE));
  }
}
