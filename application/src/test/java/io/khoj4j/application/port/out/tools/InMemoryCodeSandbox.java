package io.khoj4j.application.port.out.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Answers each program with a scripted run (Python is not run); records every program. */
public final class InMemoryCodeSandbox implements CodeSandbox {

  private final List<Program> programs = new ArrayList<>();
  private volatile Function<Program, Run> behaviour =
      p -> new Run(true, "", "", List.of(), Optional.empty());

  public InMemoryCodeSandbox answering(Function<Program, Run> runs) {
    this.behaviour = runs;
    return this;
  }

  public synchronized List<Program> programs() {
    return List.copyOf(programs);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Run run(Program program) {
    synchronized (this) {
      programs.add(program);
    }
    return behaviour.apply(program);
  }
}
