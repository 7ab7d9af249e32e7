package io.khoj4j.application.port.out.tools;

import java.util.ArrayList;
import java.util.List;

/** Reports each scripted step as a status and returns the scripted findings; records every assignment. */
public final class InMemoryResearchAgent implements ResearchAgent {

  private final List<Assignment> assignments = new ArrayList<>();
  private volatile Findings findings = new Findings(List.of(), List.of(), List.of(), List.of());

  public InMemoryResearchAgent finding(Findings scripted) {
    this.findings = scripted;
    return this;
  }

  public synchronized List<Assignment> assignments() {
    return List.copyOf(assignments);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Findings research(Assignment assignment, Progress progress) {
    synchronized (this) {
      assignments.add(assignment);
    }
    List<Step> done = new ArrayList<>();
    for (Step step : findings.steps()) {
      if (progress.cancelled()) {
        break;
      }
      progress.status("**Researching with " + step.tool() + "**: " + step.query());
      done.add(step);
    }
    return new Findings(done, findings.notes(), findings.online(), findings.code());
  }
}
