package io.khoj4j.application.port.out.auth;

class FastPasswordHasherTest extends PasswordHasherContract {

  private final FastPasswordHasher hasher = new FastPasswordHasher();

  @Override
  protected PasswordHasher hasher() {
    return hasher;
  }
}
