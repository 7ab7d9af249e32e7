package io.khoj4j.domain.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A program the turn had written and run in a sandbox (one entry of Khoj's {@code codeContext}, keyed by the
 * instructions it was written for): the code, whether it succeeded, its output and the files it made.
 */
public record CodeRun(
    String instructions,
    String code,
    boolean success,
    List<OutputFile> outputFiles,
    String stdout,
    String stderr,
    Optional<Duration> runtime) {

  /** A file the program wrote, base64-encoded as Khoj's clients read it. */
  public record OutputFile(String filename, String base64Data) {}

  public CodeRun {
    Objects.requireNonNull(instructions, "instructions");
    Objects.requireNonNull(code, "code");
    outputFiles = outputFiles == null ? List.of() : List.copyOf(outputFiles);
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    runtime = runtime == null ? Optional.empty() : runtime;
  }
}
