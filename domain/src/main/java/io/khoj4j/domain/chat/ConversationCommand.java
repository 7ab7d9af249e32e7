package io.khoj4j.domain.chat;

import java.util.Locale;

/** The slash command a message starts with (Khoj's ConversationCommand); none = DEFAULT, the model chooses. */
public enum ConversationCommand {
  DEFAULT(""),
  GENERAL("general"),
  NOTES("notes"),
  ONLINE("online"),
  WEBPAGE("webpage"),
  IMAGE("image"),
  DIAGRAM("diagram"),
  CODE("code"),
  RESEARCH("research"),
  AUTOMATED_TASK("automated_task");

  private final String keyword;

  ConversationCommand(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  /** The command and the message without it. */
  public record Parsed(ConversationCommand command, String text) {}

  public static Parsed parse(String message) {
    String trimmed = message.stripLeading();
    for (ConversationCommand c : values()) {
      if (c == DEFAULT) {
        continue;
      }
      String prefix = "/" + c.keyword;
      if (trimmed.toLowerCase(Locale.ROOT).startsWith(prefix)
          && (trimmed.length() == prefix.length()
              || Character.isWhitespace(trimmed.charAt(prefix.length())))) {
        return new Parsed(c, trimmed.substring(prefix.length()).strip());
      }
    }
    return new Parsed(DEFAULT, message.strip());
  }
}
