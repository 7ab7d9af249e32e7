package io.khoj4j.archfixture.chattool.application.service.chat;

import io.khoj4j.archfixture.chattool.application.service.chat.prompt.Template;
import io.khoj4j.archfixture.chattool.application.service.chat.tool.LookupTool;

/** Conforming: a step of the turn uses a tool and a prompt. */
public class TurnStep {
  LookupTool tool;
  Template template;
}
