package io.khoj4j.application.port.in.connector;

public interface CompleteNotionOAuthUseCase {

  /**
   * Checks the state belongs to the caller and was not used, exchanges the code and stores the token.
   *
   * @throws io.khoj4j.application.error.InvalidInputException when the state is unknown, used, expired or another
   *     user's
   */
  void complete(CompleteNotionOAuthCommand command);
}
