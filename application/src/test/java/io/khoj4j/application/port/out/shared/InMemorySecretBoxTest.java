package io.khoj4j.application.port.out.shared;

class InMemorySecretBoxTest extends SecretBoxContract {

  private final InMemorySecretBox box = new InMemorySecretBox();

  @Override
  protected SecretBox box() {
    return box;
  }
}
