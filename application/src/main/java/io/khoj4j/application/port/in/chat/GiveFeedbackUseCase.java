package io.khoj4j.application.port.in.chat;

/** Records a user's verdict on an answer and tells the operator when the server can. */
public interface GiveFeedbackUseCase {

  void give(GiveFeedbackCommand command);
}
