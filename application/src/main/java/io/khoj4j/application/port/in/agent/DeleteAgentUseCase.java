package io.khoj4j.application.port.in.agent;

public interface DeleteAgentUseCase {

  void delete(DeleteAgentCommand command);
}
