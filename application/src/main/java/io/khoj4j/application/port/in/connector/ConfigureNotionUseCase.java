package io.khoj4j.application.port.in.connector;

public interface ConfigureNotionUseCase {

  void configure(ConfigureNotionCommand command);
}
