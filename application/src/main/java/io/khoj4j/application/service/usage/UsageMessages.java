package io.khoj4j.application.service.usage;

/** The words of each refusal, as Khoj's clients show them (§5.10, §7.3 of the contract). */
final class UsageMessages {

  private static final String OPENING = "I'm glad you're enjoying interacting with me! ";

  private final String subscribeLink;

  UsageMessages(String subscribeLink) {
    this.subscribeLink = subscribeLink;
  }

  /**
   * A chat (or transcription) refusal. {@code hint}: suggest subscribing (a free user whose limit is lower than the
   * premium one). {@code soon}: a minute's limit on the WebSocket, where Khoj says "for now ... in a bit".
   */
  String chat(boolean hint, boolean soon) {
    String period = soon ? "for now" : "for today";
    String later = soon ? "in a bit" : "tomorrow";
    return OPENING + "You've unfortunately exceeded your usage limit " + period + ". "
        + tail(hint, later);
  }

  String research(boolean hint) {
    return OPENING
        + "You've unfortunately exceeded your `/research` command usage limit for today. "
        + tail(hint, "tomorrow");
  }

  private String tail(boolean hint, String later) {
    return hint
        ? "You can subscribe to increase your usage limit via [your settings](" + subscribeLink
            + ") or we can continue our conversation " + later + "?"
        : "But let's chat more " + later + "?";
  }

  static String tooManyImages(int max) {
    return "Those are way too many images for me! I can handle up to " + max
        + " images per message.";
  }

  static String imagesTooLarge(long maxBytes) {
    return "Those images are way too large for me! I can handle up to " + (maxBytes >> 20)
        + "MB of images per message.";
  }

  static String tooMuchData(boolean hint) {
    return hint
        ? "Too much data indexed. Subscribe to increase your data index limit."
        : "Too much data indexed.";
  }

  static final String CONNECTION_LIMIT = "Connection limit exceeded";
}
