package io.khoj4j.application.port.in.chat;

/** One question and its answer removed from a conversation. */
public interface DeleteTurnUseCase {

  void delete(DeleteTurnCommand command);
}
