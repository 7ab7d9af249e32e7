package io.khoj4j.application.port.out.tools;

import java.util.Optional;

/**
 * Checks that Mermaid source written by the chat model can be drawn (a Mermaid parser, or a rendering service such as
 * Kroki), so the {@code /diagram} command never hands clients a diagram they fail to draw; the chat model writes the
 * diagram (ADR 12). A chat capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED}
 * makes {@code /diagram} answer with a clear message.
 */
public interface DiagramValidator {

  /** Whether this server can do it. */
  boolean available();

  /**
   * Empty when the Mermaid source can be drawn; otherwise what is wrong with it, in words a model can act on.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the checking service fails
   */
  Optional<String> problem(String mermaid);

  DiagramValidator NOT_CONFIGURED = new DiagramValidator() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public Optional<String> problem(String mermaid) {
      throw new IllegalStateException("diagram checking is not configured");
    }
  };
}
