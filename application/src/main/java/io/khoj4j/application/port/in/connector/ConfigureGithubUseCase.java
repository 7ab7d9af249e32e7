package io.khoj4j.application.port.in.connector;

public interface ConfigureGithubUseCase {

  void configure(ConfigureGithubCommand command);
}
