package io.khoj4j.application.port.out.chat;

import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON object a model was asked to reply with. Models often get JSON slightly wrong (a code fence around
 * it, prose before it, a trailing comma, a stray character after it); an implementation repairs those and gives up
 * quietly on anything else, so a tool falls back instead of failing the turn.
 */
public interface ModelReplyReader {

  /**
   * The strings of the array {@code field} (a single string counts as one), stripped, blank ones dropped; empty when
   * the field is missing or the reply is not JSON.
   */
  List<String> strings(String reply, String field);

  /** The string {@code field}, stripped; empty when missing, blank, or the reply is not JSON. */
  Optional<String> string(String reply, String field);

  /** The object {@code field} as compact JSON text; empty when missing, not an object, or the reply is not JSON. */
  Optional<String> object(String reply, String field);
}
