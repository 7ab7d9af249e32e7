package io.khoj4j.application.service.automation;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an automation's answer is worth a mail: the owner's chat model reads the task and the answer and says yes or
 * no ("tell me when X happens" and nothing happened: no). When the model cannot say — none configured, a failure, a
 * reply that is not the JSON asked for — the answer is sent: a missed notification is worse than an extra one.
 */
final class NotificationJudge {

  private static final Logger LOG = System.getLogger(NotificationJudge.class.getName());
  static final String SCHEMA = """
      {"type":"object","properties":{"notify":{"type":"string","enum":["yes","no"]},"reason":{"type":"string"}},\
      "required":["notify"]}""";

  private final ChatModelSelection models;
  private final ChatModelGateway gateway;
  private final ModelReplyReader replies;

  NotificationJudge(ChatModelSelection models, ChatModelGateway gateway, ModelReplyReader replies) {
    this.models = models;
    this.gateway = gateway;
    this.replies = replies;
  }

  boolean worthSending(UserId owner, String task, String answer) {
    if (task.isBlank() || answer.isBlank()) {
      return false;
    }
    Optional<ChatModelEndpoint> model = models.modelFor(owner);
    if (model.isEmpty()) {
      return true;
    }
    try {
      String reply = gateway
          .complete(ChatCompletionRequest.of(
                  model.get(), List.of(new PromptMessage.User(prompt(task, answer))))
              .asJson(SCHEMA))
          .text();
      return replies
          .string(reply, "notify")
          .map(v -> !v.toLowerCase(Locale.ROOT).startsWith("n"))
          .orElse(true);
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "Could not ask whether to notify, notifying: {0}", e.getMessage());
      return true;
    }
  }

  static String prompt(String task, String answer) {
    return """
        A task the user scheduled has just run. Decide whether its result deserves an e-mail to the user.

        The task: %s

        Its result:
        %s

        Send it when the result gives the user what the task asked for. Do not send it when the result says there is
        nothing new, nothing was found, or the event the task watches for has not happened.
        Reply with a JSON object: {"notify": "yes" or "no", "reason": "one short sentence"}.
        """.formatted(task, answer);
  }
}
