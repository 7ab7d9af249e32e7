package io.khoj4j.application.service.chat.prompt;

import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.chat.Speaker;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Step three of a turn: the prompt the answer is written from — the system prompt (date, place), as much of the
 * conversation and the notes found as the model's window allows ({@link PromptBudget}), what the tools found, and the
 * question with its attached files and images. Also how a conversation is shown inside the tools' own prompts.
 */
public final class PromptBuilder {

  /** The agent the answer speaks as, when it is not the default one: its name and its creator's instructions. */
  public record Persona(String name, String instructions) {

    /**
     * The agent as the helper prompts (choosing sources, writing search queries) see it, so that what the agent is
     * for also shapes what is looked up; empty for the default agent.
     */
    public static String context(Optional<Persona> persona) {
      return persona
          .map(p -> "You are " + p.name()
              + (p.instructions().isBlank()
                  ? ".\n\n"
                  : ", an assistant whose creator gave it these instructions:\n"
                      + p.instructions().strip() + "\nLet them guide your choices.\n\n"))
          .orElse("");
    }
  }

  private final TokenCounter tokens;
  private final Clock clock;

  public PromptBuilder(TokenCounter tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  public List<PromptMessage> build(
      ChatModelEndpoint model,
      String q,
      List<ChatMessage> history,
      List<NoteReference> references,
      List<String> toolContext,
      ChatCommand command,
      Optional<Persona> persona) {
    PromptMessage system = system(command, persona);
    PromptMessage asked = new PromptMessage.User(
        withFiles(q, command), model.vision() ? command.images() : List.of());
    List<PromptMessage> tools =
        toolContext.stream().<PromptMessage>map(PromptMessage.User::new).toList();
    int fixed = tokens.count(system)
        + tokens.count(asked)
        + tools.stream().mapToInt(tokens::count).sum();
    PromptBudget.Fitted fitted = PromptBudget.fit(
        PromptBudget.promptLimit(model.maxPromptTokens()),
        fixed,
        historyMessages(history),
        references,
        PromptBuilder::notesMessage,
        tokens);
    List<PromptMessage> prompt = new ArrayList<>();
    prompt.add(system);
    prompt.addAll(fitted.history());
    if (!fitted.notes().isEmpty()) {
      prompt.add(notesMessage(fitted.notes()));
    }
    prompt.addAll(tools);
    prompt.add(asked);
    return prompt;
  }

  /** Khoj's own system prompt, or the agent's: its name and its creator's instructions. */
  private PromptMessage system(ChatCommand command, Optional<Persona> persona) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String location = command.location().describe();
    Map<String, String> values = new HashMap<>(Map.of(
        "weekday", today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
        "date", today.toString(),
        "location", location.isEmpty() ? "" : "\nThe user is in " + location + "."));
    if (persona.isEmpty()) {
      values.put("name", "");
      return new PromptMessage.System(Prompts.render("system.txt", values));
    }
    values.put("name", persona.get().name());
    values.put("name_of_user", "");
    values.put("persona", persona.get().instructions());
    return new PromptMessage.System(Prompts.render("system-agent.txt", values));
  }

  private static String withFiles(String q, ChatCommand command) {
    if (command.files().isEmpty()) {
      return q;
    }
    StringBuilder files = new StringBuilder();
    command
        .files()
        .forEach(f -> files
            .append("File: ")
            .append(f.name())
            .append("\n\n")
            .append(f.content())
            .append("\n\n"));
    return Prompts.render("attached-files.txt", Map.of("files", files.toString())) + "\n\n" + q;
  }

  /** The prompt message that gives the model the notes found. */
  public static PromptMessage notesMessage(List<NoteReference> references) {
    StringBuilder notes = new StringBuilder();
    for (NoteReference r : references) {
      notes
          .append("File: ")
          .append(r.file())
          .append("\n")
          .append(r.compiled().strip())
          .append("\n\n");
    }
    return new PromptMessage.User(
        Prompts.render("notes-context.txt", Map.of("notes", notes.toString())));
  }

  private static List<PromptMessage> historyMessages(List<ChatMessage> history) {
    List<PromptMessage> out = new ArrayList<>();
    for (ChatMessage m : history) {
      if (m.message().isBlank()) {
        continue;
      }
      out.add(
          m.by() == Speaker.YOU
              ? new PromptMessage.User(m.message())
              : new PromptMessage.Assistant(m.message()));
    }
    return out;
  }

  /** The last {@code lastMessages} of a conversation as {@code User:}/{@code Assistant:} lines, for tool prompts. */
  public static String formatHistory(List<ChatMessage> history, int lastMessages) {
    List<ChatMessage> recent =
        history.subList(Math.max(0, history.size() - lastMessages), history.size());
    StringBuilder sb = new StringBuilder();
    for (ChatMessage m : recent) {
      if (m.message().isBlank()) { // an interrupted turn's empty answer says nothing
        continue;
      }
      sb.append(m.by() == Speaker.YOU ? "User: " : "Assistant: ")
          .append(m.message().strip())
          .append('\n');
    }
    return sb.isEmpty() ? "(none)" : sb.toString().strip();
  }
}
