package io.khoj4j.application.port.out.chat;

class InMemoryStoppingTurnsTest extends StoppingTurnsContract {

  private final InMemoryStoppingTurns store = new InMemoryStoppingTurns();

  @Override
  protected StoppingTurns replica() {
    return store;
  }
}
