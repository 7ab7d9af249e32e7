package io.khoj4j.archfixture.chattool.application.service.chat.prompt;

import io.khoj4j.archfixture.chattool.application.service.chat.tool.LookupTool;

/** Violation: a prompt depends on a tool. */
public class ToolAwareTemplate {
  LookupTool tool;
}
