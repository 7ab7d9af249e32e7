package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.application.port.out.tools.CodeSandbox;
import io.khoj4j.application.port.out.tools.DiagramValidator;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.ToolServers;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebSearch;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.user.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The chat capabilities behind slash commands, each a port; says plainly when one is not configured.
 * {@code readSearchResults}: whether a web search also reads the top result of each query that has no direct answer
 * (needs a {@link WebReader}; off by default, as in Khoj, since it costs a page read per query). Research the model
 * picks counts against the user's research budget ({@link #countingWith}); nothing is counted by default. Research
 * itself is always possible: it is this server's own loop over the other capabilities and the operator's tool servers.
 */
public final class ChatTools {

  private final WebSearch webSearch;
  private final WebReader webReader;
  private final ImageChoice images;
  private final CodeSandbox code;
  private final ToolServers servers;
  private final int researchIterations;
  private final DiagramValidator diagrams;
  private final boolean readSearchResults;
  private final AdmitUsageUseCase usage;

  public ChatTools(
      WebSearch webSearch,
      WebReader webReader,
      ImageGenerator images,
      CodeSandbox code,
      ToolServers servers,
      DiagramValidator diagrams,
      boolean readSearchResults) {
    this(
        webSearch,
        webReader,
        ImageChoice.only(images),
        code,
        servers,
        diagrams,
        readSearchResults,
        command -> {},
        ResearchRunner.DEFAULT_ITERATIONS);
  }

  private ChatTools(
      WebSearch webSearch,
      WebReader webReader,
      ImageChoice images,
      CodeSandbox code,
      ToolServers servers,
      DiagramValidator diagrams,
      boolean readSearchResults,
      AdmitUsageUseCase usage,
      int researchIterations) {
    if (researchIterations < 1) {
      throw new IllegalArgumentException(
          "research needs at least one iteration: " + researchIterations);
    }
    this.webSearch = Objects.requireNonNull(webSearch, "webSearch");
    this.webReader = Objects.requireNonNull(webReader, "webReader");
    this.images = Objects.requireNonNull(images, "images");
    this.code = Objects.requireNonNull(code, "code");
    this.servers = Objects.requireNonNull(servers, "servers");
    this.diagrams = Objects.requireNonNull(diagrams, "diagrams");
    this.readSearchResults = readSearchResults;
    this.usage = Objects.requireNonNull(usage, "usage");
    this.researchIterations = researchIterations;
  }

  /** These tools, with research the model picks counted against the user's daily research budget. */
  public ChatTools countingWith(AdmitUsageUseCase usage) {
    return new ChatTools(
        webSearch,
        webReader,
        images,
        code,
        servers,
        diagrams,
        readSearchResults,
        usage,
        researchIterations);
  }

  /** These tools, painting each user's pictures with the image model they chose. */
  public ChatTools choosingImagesWith(ImageChoice choice) {
    return new ChatTools(
        webSearch,
        webReader,
        choice,
        code,
        servers,
        diagrams,
        readSearchResults,
        usage,
        researchIterations);
  }

  /** These tools, with at most {@code iterations} steps of research ({@code KHOJ_RESEARCH_ITERATIONS}). */
  public ChatTools researchingAtMost(int iterations) {
    return new ChatTools(
        webSearch,
        webReader,
        images,
        code,
        servers,
        diagrams,
        readSearchResults,
        usage,
        iterations);
  }

  /**
   * Counts a research turn the model picked; the refusal's words when the user's research budget is spent (they are
   * then the answer, as in Khoj). A {@code /research} command is counted where the message arrives.
   */
  public Optional<String> pickedResearchRefusal(UserId user) {
    try {
      usage.admit(new AdmitUsageCommand.Research(user));
      return Optional.empty();
    } catch (QuotaExceededException refused) {
      return Optional.of(refused.getMessage());
    }
  }

  public ChatTools(
      WebSearch webSearch,
      WebReader webReader,
      ImageGenerator images,
      CodeSandbox code,
      ToolServers servers,
      DiagramValidator diagrams) {
    this(webSearch, webReader, images, code, servers, diagrams, false);
  }

  public static ChatTools noneConfigured() {
    return new ChatTools(
        WebSearch.NOT_CONFIGURED,
        WebReader.NOT_CONFIGURED,
        ImageGenerator.NOT_CONFIGURED,
        CodeSandbox.NOT_CONFIGURED,
        ToolServers.NONE,
        DiagramValidator.NOT_CONFIGURED);
  }

  /** The reply for a command whose capability is missing; empty when the command can proceed. */
  public Optional<String> unavailableMessage(ConversationCommand command) {
    return switch (command) {
      case ONLINE -> missing(webSearch.available(), "web search", command);
      case WEBPAGE -> missing(webReader.available(), "web page reading", command);
      case IMAGE -> missing(images.available(), "image generation", command);
      case CODE -> missing(code.available(), "code execution", command);
      case DIAGRAM -> missing(diagrams.available(), "diagram", command);
      default -> Optional.empty();
    };
  }

  WebSearch webSearch() {
    return webSearch;
  }

  WebReader webReader() {
    return webReader;
  }

  ImageChoice images() {
    return images;
  }

  CodeSandbox code() {
    return code;
  }

  ToolServers servers() {
    return servers;
  }

  int researchIterations() {
    return researchIterations;
  }

  /**
   * Whether research has something to research with besides general knowledge: the notes, or one of the web, code
   * and tool-server capabilities.
   */
  boolean canResearch(boolean hasNotes) {
    return hasNotes
        || webSearch.available()
        || webReader.available()
        || code.available()
        || !servers.tools().isEmpty();
  }

  DiagramValidator diagrams() {
    return diagrams;
  }

  boolean readSearchResults() {
    return readSearchResults && webReader.available();
  }

  private static Optional<String> missing(
      boolean available, String capability, ConversationCommand command) {
    if (available) {
      return Optional.empty();
    }
    return Optional.of(Prompts.render(
        "not-configured.md", Map.of("capability", capability, "command", command.keyword())));
  }
}
