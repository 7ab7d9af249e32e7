package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.Agent;

/** Creates the default agent {@code khoj} when it is missing (at server start); idempotent. */
public interface EnsureDefaultAgentUseCase {

  Agent ensureDefaultAgent();
}
