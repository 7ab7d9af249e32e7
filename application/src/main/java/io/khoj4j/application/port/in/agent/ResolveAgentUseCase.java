package io.khoj4j.application.port.in.agent;

/** What a chat turn needs to know about the agent it talks as; the chat service calls this once per turn. */
public interface ResolveAgentUseCase {

  EffectiveAgent resolve(ResolveAgentQuery query);
}
