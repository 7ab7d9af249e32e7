package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.tools.DiagramValidator;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ChatEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a turn makes besides text. {@code /image}: the model turns the message into a painting description and an
 * aspect, the {@link ImageGenerator} port paints it. {@code /diagram}: the model writes Mermaid, the
 * {@link DiagramValidator} port checks it, and the model gets one chance to fix what it reports (ADR 12). Either is
 * sent as a {@code generated_assets} event, stored on the answer, and noted in the answer's prompt.
 */
final class AssetMaker {

  private static final Logger LOG = System.getLogger(AssetMaker.class.getName());

  private final ChatTools tools;
  private final ModelCalls calls;

  AssetMaker(ChatTools tools, ModelCalls calls) {
    this.tools = tools;
    this.calls = calls;
  }

  void image(ToolTurn turn, ToolFindings found) {
    String description = turn.query();
    ImageGenerator.Shape shape = ImageGenerator.Shape.SQUARE;
    if (turn.model().isPresent()) {
      turn.status("**Enhancing the painting prompt**");
      Optional<ChatCompletion> better = calls.json(
          turn.model().get(),
          Prompts.render(
              "image-prompt.txt",
              Map.of(
                  "history",
                  PromptBuilder.formatHistory(turn.history(), 6),
                  "query",
                  turn.query())),
          "{\"type\":\"object\",\"properties\":{\"description\":{\"type\":\"string\"},\"shape\":{\"type\":\"string\","
              + "\"enum\":[\"square\",\"portrait\",\"landscape\"]}},\"required\":[\"description\",\"shape\"]}",
          "describe an image",
          turn::cancelled);
      if (better.isPresent()) {
        found.addUsage(better.get().usage());
        description = calls.string(better.get(), "description").orElse(description);
        shape = calls.string(better.get(), "shape").flatMap(AssetMaker::shape).orElse(shape);
      }
    }
    if (description.isBlank()) {
      turn.status("Failed to generate image");
      found.addPromptContext(Prompts.render(
          "tool-failed.txt",
          Map.of("what", "No image was made because the message does not say what to paint")));
      return;
    }
    turn.status("**Painting to imagine**:\n" + description);
    ImageGenerator.Image image;
    try {
      image = tools
          .images()
          .forUser(turn.command().user())
          .generate(new ImageGenerator.Request(description, shape));
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "Image generation failed: {0}", e.getMessage());
      turn.status("Failed to generate image");
      found.addPromptContext(Prompts.render(
          "tool-failed.txt",
          Map.of("what", "Generating the image failed (" + e.getMessage() + ")")));
      return;
    }
    found.addImage(image.src());
    turn.sink().emit(new ChatEvent.GeneratedAssets(List.of(image.src()), null));
    found.addPromptContext(Prompts.render("image-context.txt", Map.of("description", description)));
  }

  void diagram(ToolTurn turn, ToolFindings found) {
    if (turn.model().isEmpty()) {
      return;
    }
    turn.status("**Drawing a diagram**");
    Optional<String> mermaid = write(
        turn,
        found,
        Prompts.render(
            "diagram-write.txt",
            Map.of(
                "history", PromptBuilder.formatHistory(turn.history(), 6), "query", turn.query())));
    Optional<String> problem;
    try {
      problem = problem(mermaid);
      if (mermaid.isPresent() && problem.isPresent()) {
        turn.status("**Fixing the diagram**: " + problem.get());
        mermaid = write(
            turn,
            found,
            Prompts.render(
                "diagram-fix.txt",
                Map.of("problem", problem.get(), "diagram", mermaid.get(), "query", turn.query())));
        problem = problem(mermaid);
      }
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "Diagram check failed: {0}", e.getMessage());
      problem = Optional.of("it could not be checked: " + e.getMessage());
    }
    if (problem.isPresent()) {
      turn.status("Failed to generate diagram");
      found.addPromptContext(Prompts.render(
          "tool-failed.txt", Map.of("what", "Drawing the diagram failed (" + problem.get() + ")")));
      return;
    }
    found.diagram(mermaid.get());
    turn.sink().emit(new ChatEvent.GeneratedAssets(List.of(), mermaid.get()));
    found.addPromptContext(Prompts.render("diagram-context.txt", Map.of("diagram", mermaid.get())));
  }

  private Optional<String> write(ToolTurn turn, ToolFindings found, String prompt) {
    return calls
        .text(turn.model().get(), prompt, "write a diagram", turn::cancelled)
        .flatMap(c -> {
          found.addUsage(c.usage());
          String source = ModelCalls.fencedCode(c.text());
          return source.isEmpty() ? Optional.empty() : Optional.of(source);
        });
  }

  private Optional<String> problem(Optional<String> mermaid) {
    return mermaid.isEmpty()
        ? Optional.of("the model wrote no diagram")
        : tools.diagrams().problem(mermaid.get());
  }

  private static Optional<ImageGenerator.Shape> shape(String name) {
    try {
      return Optional.of(ImageGenerator.Shape.valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
