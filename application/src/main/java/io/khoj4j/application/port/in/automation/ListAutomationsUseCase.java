package io.khoj4j.application.port.in.automation;

import java.util.List;

/** The owner's automations, oldest first. */
public interface ListAutomationsUseCase {

  List<AutomationDetails> list(ListAutomationsQuery query);
}
