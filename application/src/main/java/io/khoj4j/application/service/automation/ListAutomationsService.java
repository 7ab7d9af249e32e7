package io.khoj4j.application.service.automation;

import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.ListAutomationsQuery;
import io.khoj4j.application.port.in.automation.ListAutomationsUseCase;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.CronCalendar;
import java.time.Clock;
import java.util.List;

public final class ListAutomationsService implements ListAutomationsUseCase {

  private final AutomationRepository automations;
  private final AutomationPlanner planner;

  public ListAutomationsService(
      AutomationRepository automations, CronCalendar calendar, Clock clock) {
    this.automations = automations;
    this.planner = new AutomationPlanner(calendar, clock);
  }

  @Override
  public List<AutomationDetails> list(ListAutomationsQuery query) {
    return automations.list(query.owner()).stream().map(planner::details).toList();
  }
}
