package io.khoj4j.domain.chat;

/** Who said a message, with Khoj's wire names. */
public enum Speaker {
  YOU("you"),
  KHOJ("khoj");

  private final String wireName;

  Speaker(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Speaker fromWire(String name) {
    return "khoj".equals(name) ? KHOJ : YOU;
  }
}
