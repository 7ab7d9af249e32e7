package io.khoj4j.application.port.in.chat;

/** Withdraw a published snapshot. */
public interface UnshareConversationUseCase {

  void unshare(UnshareConversationCommand command);
}
