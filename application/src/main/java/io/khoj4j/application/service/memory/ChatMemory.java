package io.khoj4j.application.service.memory;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.memory.Memory;
import io.khoj4j.domain.memory.MemoryMode;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Memories in the chat turn, for users who have them (the server's mode and their switch). Before the answer:
 * {@link #recall} finds the user's memories nearest to the question and {@link #promptBlock} gives them to the model.
 * After the answer (not for automation runs): {@link #learn} asks the user's chat model which durable facts about the
 * user the exchange revealed and which recalled ones it made wrong, then stores and deletes them. Memory is an aid:
 * when embedding or the model fails, the turn goes on without it.
 */
public final class ChatMemory {

  private static final System.Logger LOG = System.getLogger(ChatMemory.class.getName());
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  /** New facts kept from one exchange at most. */
  static final int MAX_NEW = 5;

  static final String SCHEMA = """
      {"type":"object","properties":{"create":{"type":"array","items":{"type":"string"}},\
      "delete":{"type":"array","items":{"type":"integer"}}},"required":["create","delete"]}""";

  private final MemoryRepository memories;
  private final EmbeddingModel embeddings;
  private final ChatModelGateway gateway;
  private final ModelReplyReader replies;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final MemoryMode mode;
  private final double maxDistance;
  private final int recallLimit;

  public ChatMemory(
      MemoryRepository memories,
      EmbeddingModel embeddings,
      ChatModelGateway gateway,
      ModelReplyReader replies,
      UnitOfWork unitOfWork,
      Clock clock,
      MemoryMode mode,
      double maxDistance,
      int recallLimit) {
    this.memories = memories;
    this.embeddings = embeddings;
    this.gateway = gateway;
    this.replies = replies;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.mode = mode;
    this.maxDistance = maxDistance;
    this.recallLimit = recallLimit;
  }

  /** Memory switched off for everyone: recalls nothing, learns nothing. */
  public static ChatMemory off() {
    return new ChatMemory(null, null, null, null, null, null, MemoryMode.DISABLED, 0, 0);
  }

  private boolean enabledFor(UserId user) {
    return mode != MemoryMode.DISABLED
        && mode.enabledFor(memories.switchOf(user).orElse(null));
  }

  /** The user's memories relevant to the question, closest first; none when memory is off for them. */
  public List<Memory> recall(UserId user, String question) {
    if (question.isBlank() || !enabledFor(user)) {
      return List.of();
    }
    try {
      return memories.nearest(
          user, embeddings.embedQuery(question), embeddings.id(), recallLimit, maxDistance);
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "Memories not recalled: {0}", e.getMessage());
      return List.of();
    }
  }

  /** The prompt context that gives the model the memories (empty when there are none). */
  public static List<String> promptBlock(List<Memory> recalled) {
    if (recalled.isEmpty()) {
      return List.of();
    }
    StringBuilder sb = new StringBuilder(
        "What you remember about me from earlier conversations (use it when it helps"
            + " the answer; do not recite it):\n");
    recalled.forEach(m -> sb.append("- [")
        .append(WHEN.format(m.createdAt()))
        .append("] ")
        .append(m.raw())
        .append('\n'));
    return List.of(sb.toString().strip());
  }

  /** Notes what the exchange revealed about the user and forgets recalled memories it contradicts. */
  public void learn(
      UserId user, ChatModelEndpoint model, String question, String answer, List<Memory> recalled) {
    if (question.isBlank() || !enabledFor(user)) {
      return;
    }
    try {
      String reply = gateway
          .complete(ChatCompletionRequest.of(
                  model, List.of(new PromptMessage.User(prompt(question, answer, recalled))))
              .asJson(SCHEMA))
          .text();
      Set<String> facts = new LinkedHashSet<>();
      for (String fact : replies.strings(reply, "create")) {
        String f = fact.strip();
        if (!f.isEmpty() && f.length() <= Memory.MAX_RAW && facts.size() < MAX_NEW) {
          facts.add(f);
        }
      }
      List<Long> forget = new ArrayList<>();
      for (String id : replies.strings(reply, "delete")) {
        try {
          long value = Long.parseLong(id.strip());
          if (recalled.stream().anyMatch(m -> m.id() == value)) { // only what the model was shown
            forget.add(value);
          }
        } catch (NumberFormatException notAnId) {
          // a model's stray text is not an id
        }
      }
      if (facts.isEmpty() && forget.isEmpty()) {
        return;
      }
      List<String> newFacts = List.copyOf(facts);
      List<float[]> vectors = embeddings.embedDocuments(newFacts);
      unitOfWork.run(() -> {
        forget.forEach(id -> memories.delete(user, id));
        for (int i = 0; i < newFacts.size(); i++) {
          memories.insert(user, newFacts.get(i), vectors.get(i), embeddings.id(), clock.instant());
        }
      });
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "No memories noted from this turn: {0}", e.getMessage());
    }
  }

  static String prompt(String question, String answer, List<Memory> recalled) {
    StringBuilder known = new StringBuilder();
    recalled.forEach(
        m -> known.append("- id ").append(m.id()).append(": ").append(m.raw()).append('\n'));
    return """
        You keep a short list of facts worth remembering about the user across conversations: who they are, what they \
        like, their plans, people and things in their life. Read the exchange below.

        Facts you already keep that may concern it:
        %s
        The user said:
        %s

        The assistant answered:
        %s

        List each new lasting fact the user revealed about themselves as one short sentence about "the user" (nothing \
        from the answer alone, nothing passing like the question itself, nothing already kept). List the ids of kept \
        facts the user has now said are wrong or no longer true. Usually there is nothing to add.
        Reply with a JSON object: {"create": ["..."], "delete": [ids]}.
        """.formatted(known.isEmpty() ? "(none)\n" : known, question, answer);
  }
}
