package io.khoj4j.archfixture.chattool.application.service.chat.tool;

import io.khoj4j.archfixture.chattool.application.service.chat.prompt.Template;

/** Conforming: a tool uses a prompt. */
public class LookupTool {
  Template template;
}
