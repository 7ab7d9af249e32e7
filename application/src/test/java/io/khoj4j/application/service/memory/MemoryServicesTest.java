package io.khoj4j.application.service.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.memory.DeleteMemoryCommand;
import io.khoj4j.application.port.in.memory.MemorySettingsQuery;
import io.khoj4j.application.port.in.memory.ReplaceMemoryCommand;
import io.khoj4j.application.port.in.memory.SwitchMemoryCommand;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import io.khoj4j.application.port.out.memory.InMemoryMemoryRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.chat.TokenUsage;
import io.khoj4j.domain.memory.Memory;
import io.khoj4j.domain.memory.MemoryMode;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MemoryServicesTest {

  private static final ChatModelEndpoint MODEL =
      new ChatModelEndpoint(ModelVendor.OPENAI, "gpt-test", null, "", 10_000, false);

  /** Answers helper calls from a script and remembers the prompts. */
  private static final class Model implements ChatModelGateway {
    final Deque<String> replies = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();

    @Override
    public ChatStream stream(ChatCompletionRequest request, ChatStreamListener listener) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ChatCompletion complete(ChatCompletionRequest request) {
      prompts.add(((PromptMessage.User) request.messages().getLast()).text());
      if (replies.isEmpty()) {
        throw new UpstreamFailureException("model down", true, null);
      }
      return new ChatCompletion(replies.removeFirst(), "", TokenUsage.NONE);
    }
  }

  /** Reads {"create": [...], "delete": [...]} arrays of strings or numbers. */
  private static final ModelReplyReader READER = new ModelReplyReader() {
    @Override
    public List<String> strings(String reply, String field) {
      Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(reply);
      if (!m.find() || m.group(1).isBlank()) {
        return List.of();
      }
      return List.of(m.group(1).split(",")).stream()
          .map(s -> s.strip().replaceAll("^\"|\"$", ""))
          .toList();
    }

    @Override
    public Optional<String> string(String reply, String field) {
      return Optional.empty();
    }

    @Override
    public Optional<String> object(String reply, String field) {
      return Optional.empty();
    }
  };

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final InMemoryMemoryRepository repository = new InMemoryMemoryRepository();
  private final FakeEmbeddingModel embeddings = new FakeEmbeddingModel();
  private final Model model = new Model();
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());

  private ChatMemory memory(MemoryMode mode) {
    return new ChatMemory(
        repository, embeddings, model, READER, new DirectUnitOfWork(), clock, mode, 0.9, 5);
  }

  @Test
  void factsNotedFromATurnAreRecalledForARelatedQuestionOfTheSameUserOnly() {
    model.replies.add(
        "{\"create\": [\"The user drinks green tea every morning.\"], \"delete\": []}");

    memory(MemoryMode.ENABLED_DEFAULT_ON)
        .learn(alice, MODEL, "I drink green tea every morning", "Nice!", List.of());

    assertThat(repository.list(alice))
        .extracting(Memory::raw)
        .containsExactly("The user drinks green tea every morning.");
    assertThat(model.prompts.getFirst())
        .contains("I drink green tea every morning", "facts worth remembering");
    List<Memory> recalled =
        memory(MemoryMode.ENABLED_DEFAULT_ON).recall(alice, "what tea do I drink in the morning?");
    assertThat(recalled)
        .extracting(Memory::raw)
        .containsExactly("The user drinks green tea every morning.");
    assertThat(ChatMemory.promptBlock(recalled))
        .singleElement()
        .asString()
        .contains("[2026-03-01 10:00:00] The user drinks green tea every morning.");
    assertThat(memory(MemoryMode.ENABLED_DEFAULT_ON)
            .recall(bob, "what tea do I drink in the morning?"))
        .isEmpty();
  }

  @Test
  void theModelMayForgetOnlyWhatItWasShown() {
    Memory old = repository.insert(
        alice,
        "The user lives in Porto.",
        embeddings.embedQuery("x"),
        embeddings.id(),
        clock.instant());
    Memory unshown = repository.insert(
        alice, "The user has a cat.", embeddings.embedQuery("y"), embeddings.id(), clock.instant());
    model.replies.add("{\"create\": [\"The user lives in Lisbon.\"], \"delete\": [" + old.id()
        + ", " + unshown.id() + ", \"nonsense\"]}");

    memory(MemoryMode.ENABLED_DEFAULT_ON)
        .learn(alice, MODEL, "I moved to Lisbon", "Welcome!", List.of(old));

    assertThat(repository.list(alice))
        .extracting(Memory::raw)
        .containsExactlyInAnyOrder("The user lives in Lisbon.", "The user has a cat.");
    assertThat(model.prompts.getFirst()).contains("id " + old.id() + ": The user lives in Porto.");
  }

  @Test
  void switchedOffOrDisabledNothingIsNotedOrRecalled() {
    repository.insert(
        alice,
        "The user likes tea.",
        FakeEmbeddingModel.vector("likes tea"),
        embeddings.id(),
        clock.instant());
    new SwitchMemoryService(repository, new DirectUnitOfWork(), clock)
        .set(new SwitchMemoryCommand(alice, false));

    memory(MemoryMode.ENABLED_DEFAULT_ON).learn(alice, MODEL, "I like coffee", "ok", List.of());
    assertThat(memory(MemoryMode.ENABLED_DEFAULT_ON).recall(alice, "likes tea")).isEmpty();
    assertThat(memory(MemoryMode.ENABLED_DEFAULT_OFF).recall(bob, "likes tea")).isEmpty();
    memory(MemoryMode.DISABLED).learn(bob, MODEL, "I like coffee", "ok", List.of());
    assertThat(model.prompts).isEmpty();
    assertThat(ChatMemory.off().recall(alice, "likes tea")).isEmpty();

    assertThat(new QueryMemorySettingsService(repository, MemoryMode.ENABLED_DEFAULT_ON)
            .settings(new MemorySettingsQuery(alice))
            .enabled())
        .isFalse();
    assertThat(new QueryMemorySettingsService(repository, MemoryMode.ENABLED_DEFAULT_ON)
            .settings(new MemorySettingsQuery(bob))
            .enabled())
        .isTrue();
    assertThat(new QueryMemorySettingsService(repository, MemoryMode.ENABLED_DEFAULT_OFF)
            .settings(new MemorySettingsQuery(bob))
            .enabled())
        .isFalse();
  }

  @Test
  void aFailingModelOrAnEmptyReplyNotesNothing() {
    memory(MemoryMode.ENABLED_DEFAULT_ON)
        .learn(alice, MODEL, "hello", "hi", List.of()); // no scripted reply: fails
    model.replies.add("{\"create\": [], \"delete\": []}");
    memory(MemoryMode.ENABLED_DEFAULT_ON).learn(alice, MODEL, "hello", "hi", List.of());

    assertThat(repository.list(alice)).isEmpty();
  }

  @Test
  void editingReplacesTheMemoryWithANewOneAndDeletingForgetsIt() {
    Memory m = repository.insert(
        alice,
        "The user likes tea.",
        FakeEmbeddingModel.vector("tea"),
        embeddings.id(),
        clock.instant());
    ReplaceMemoryService replace =
        new ReplaceMemoryService(repository, embeddings, new DirectUnitOfWork(), clock);

    Memory edited =
        replace.replace(new ReplaceMemoryCommand(alice, m.id(), "  The user likes coffee. "));

    assertThat(edited.id()).isNotEqualTo(m.id());
    assertThat(repository.list(alice)).containsExactly(edited);
    assertThat(edited.raw()).isEqualTo("The user likes coffee.");
    assertThatThrownBy(
            () -> replace.replace(new ReplaceMemoryCommand(bob, edited.id(), "mine now")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Memory not found");
    assertThatThrownBy(() -> replace.replace(new ReplaceMemoryCommand(alice, edited.id(), "  ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Missing required field 'raw'");

    DeleteMemoryService delete = new DeleteMemoryService(repository, new DirectUnitOfWork());
    assertThatThrownBy(() -> delete.delete(new DeleteMemoryCommand(bob, edited.id())))
        .isInstanceOf(NotFoundException.class);
    delete.delete(new DeleteMemoryCommand(alice, edited.id()));
    assertThat(repository.list(alice)).isEmpty();
  }
}
