package io.khoj4j.application.service.agent;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the user's chat model whether a persona is fit to share. Shared agents (public, protected) get the strict
 * question, private ones only the question whether it asks for something harmful. No model configured: the check is
 * skipped (logged). An answer that is neither verdict, or a failing model, lets the persona through: the check is a
 * guard against abuse, not a gate on availability.
 */
public final class PersonaSafetyCheck {

  private static final Logger LOG = System.getLogger(PersonaSafetyCheck.class.getName());
  static final String UNSAFE = "UNSAFE";

  private final ChatModelGateway gateway;
  private final Function<UserId, Optional<ChatModelEndpoint>> endpoints;

  public PersonaSafetyCheck(
      ChatModelGateway gateway, Function<UserId, Optional<ChatModelEndpoint>> endpoints) {
    this.gateway = gateway;
    this.endpoints = endpoints;
  }

  /** Throws {@link InvalidInputException} with the model's reason when the persona is judged unsafe. */
  public void check(UserId user, String persona, AgentPrivacy privacy) {
    if (persona.isBlank()) {
      return;
    }
    String answer;
    try {
      Optional<ChatModelEndpoint> model = endpoints.apply(user);
      if (model.isEmpty()) {
        LOG.log(Level.INFO, "No chat model configured: agent persona safety check skipped");
        return;
      }
      answer = gateway
          .complete(ChatCompletionRequest.of(model.get(), prompt(persona, privacy)))
          .text()
          .strip();
    } catch (RuntimeException e) { // the model failed, or its key cannot be opened
      LOG.log(
          Level.WARNING, "Agent persona safety check failed, persona accepted: " + e.getMessage());
      return;
    }
    if (answer.toUpperCase(Locale.ROOT).startsWith(UNSAFE)) {
      String reason =
          answer.substring(UNSAFE.length()).replaceFirst("^[\\s:,.-]+", "").strip();
      throw new InvalidInputException(
          reason.isEmpty() ? "The agent's instructions were judged unsafe." : reason);
    }
  }

  private static List<PromptMessage> prompt(String persona, AgentPrivacy privacy) {
    String standard = privacy == AgentPrivacy.PRIVATE
        ? "Only refuse instructions that ask the assistant to help cause real harm to people or break the law."
        : "The agent will be shared with other people, so also refuse instructions that are hateful, sexually"
            + " explicit, harassing or deceptive towards the people who chat with it.";
    String instructions =
        "You review the instructions a user wrote for a chat assistant. " + standard
            + " Reply with the single word SAFE when they are acceptable; otherwise reply UNSAFE: followed by one"
            + " short sentence, addressed to the user, saying why.";
    return List.of(
        new PromptMessage.System(instructions),
        new PromptMessage.User("Instructions:\n" + persona));
  }
}
