package io.khoj4j.archfixture.injection.adapter.llm;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Violation: a configuration value injected into a field. */
public class ChatSettings {
  @ConfigProperty(name = "khoj.chat.timeout")
  String timeout;
}
