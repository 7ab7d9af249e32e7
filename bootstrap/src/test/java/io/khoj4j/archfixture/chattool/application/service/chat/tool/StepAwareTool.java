package io.khoj4j.archfixture.chattool.application.service.chat.tool;

import io.khoj4j.archfixture.chattool.application.service.chat.TurnStep;

/** Violation: a tool reaches back into the turn that runs it. */
public class StepAwareTool {
  TurnStep step;
}
