package io.khoj4j.application.port.out.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Tool servers for tests: the tools offered and a scripted answer; records each call as "name arguments". */
public final class InMemoryToolServers implements ToolServers {

  private final List<Tool> tools = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private BiFunction<String, String, String> answer = (tool, arguments) -> "";

  public InMemoryToolServers offering(Tool tool) {
    tools.add(tool);
    return this;
  }

  public InMemoryToolServers answering(BiFunction<String, String, String> answer) {
    this.answer = answer;
    return this;
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public List<Tool> tools() {
    return List.copyOf(tools);
  }

  @Override
  public String call(String tool, String argumentsJson) {
    if (tools.stream().noneMatch(t -> t.name().equals(tool))) {
      throw new IllegalArgumentException("no tool server offers " + tool);
    }
    synchronized (this) {
      calls.add(tool + " " + argumentsJson);
    }
    return answer.apply(tool, argumentsJson);
  }
}
