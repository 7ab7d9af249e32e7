package io.khoj4j.application.port.in.model;

/** Creates the model configuration the environment describes; running it again changes nothing. */
public interface SeedChatModelsUseCase {

  void seed(SeedChatModelsCommand command);
}
