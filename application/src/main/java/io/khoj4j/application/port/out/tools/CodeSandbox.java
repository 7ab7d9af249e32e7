package io.khoj4j.application.port.out.tools;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a Python program in an isolated sandbox (Terrarium, E2B, …) for the {@code /code} command and the default
 * mode's code source. A chat capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED}
 * makes {@code /code} answer with a clear message.
 */
public interface CodeSandbox {

  /** Whether this server can do it. */
  boolean available();

  /**
   * Runs the program with its input files in its working directory. A program that fails or runs out of time is a
   * {@link Run} with {@code success} false.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the sandbox itself cannot be reached or fails
   */
  Run run(Program program);

  /** A file given to the program or written by it, named relative to its working directory. */
  record File(String name, byte[] data) {
    public File {
      Objects.requireNonNull(name, "name");
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /** Python source and the files it may read. */
  record Program(String code, List<File> files) {
    public Program {
      Objects.requireNonNull(code, "code");
      if (code.isBlank()) {
        throw new IllegalArgumentException("a program needs code");
      }
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /** How a run went (Khoj's {@code results}: success, std_out, std_err, output_files, code_runtime). */
  record Run(
      boolean success,
      String stdout,
      String stderr,
      List<File> outputFiles,
      Optional<Duration> runtime) {
    public Run {
      stdout = stdout == null ? "" : stdout;
      stderr = stderr == null ? "" : stderr;
      outputFiles = outputFiles == null ? List.of() : List.copyOf(outputFiles);
      runtime = runtime == null ? Optional.empty() : runtime;
    }
  }

  CodeSandbox NOT_CONFIGURED = new CodeSandbox() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public Run run(Program program) {
      throw new IllegalStateException("code execution is not configured");
    }
  };
}
