package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.out.tools.CodeSandbox;
import io.khoj4j.application.port.out.tools.DiagramGenerator;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.ResearchAgent;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebSearch;
import io.khoj4j.domain.chat.ConversationCommand;
import java.util.Map;
import java.util.Optional;

/** The chat capabilities behind slash commands, each a port; says plainly when one is not configured. */
public final class ChatTools {

  private final WebSearch webSearch;
  private final WebReader webReader;
  private final ImageGenerator images;
  private final CodeSandbox code;
  private final ResearchAgent research;
  private final DiagramGenerator diagrams;

  public ChatTools(WebSearch webSearch, WebReader webReader, ImageGenerator images, CodeSandbox code,
      ResearchAgent research, DiagramGenerator diagrams) {
    this.webSearch = webSearch;
    this.webReader = webReader;
    this.images = images;
    this.code = code;
    this.research = research;
    this.diagrams = diagrams;
  }

  public static ChatTools noneConfigured() {
    return new ChatTools(WebSearch.NOT_CONFIGURED, WebReader.NOT_CONFIGURED, ImageGenerator.NOT_CONFIGURED,
        CodeSandbox.NOT_CONFIGURED, ResearchAgent.NOT_CONFIGURED, DiagramGenerator.NOT_CONFIGURED);
  }

  /** The reply for a command whose capability is missing; empty when the command can proceed. */
  public Optional<String> unavailableMessage(ConversationCommand command) {
    return switch (command) {
      case ONLINE -> missing(webSearch.available(), "web search", command);
      case WEBPAGE -> missing(webReader.available(), "web page reading", command);
      case IMAGE -> missing(images.available(), "image generation", command);
      case CODE -> missing(code.available(), "code execution", command);
      case RESEARCH -> missing(research.available(), "research", command);
      case DIAGRAM -> missing(diagrams.available(), "diagram", command);
      default -> Optional.empty();
    };
  }

  private static Optional<String> missing(boolean available, String capability, ConversationCommand command) {
    if (available) {
      return Optional.empty();
    }
    return Optional.of(Prompts.render("not-configured.md", Map.of("capability", capability, "command",
        command.keyword())));
  }
}
