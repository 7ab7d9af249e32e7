package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.LoginCode;
import io.khoj4j.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of {@link LoginCodeRepository}; passes {@link LoginCodeRepositoryContract}. */
public final class InMemoryLoginCodeRepository implements LoginCodeRepository {

  private final Map<UserId, LoginCode> codes = new ConcurrentHashMap<>();

  @Override
  public void replace(LoginCode code) {
    codes.put(code.owner(), code);
  }

  @Override
  public Optional<LoginCode> find(UserId owner) {
    return Optional.ofNullable(codes.get(owner));
  }

  @Override
  public boolean consume(LoginCode code) {
    return codes.remove(code.owner(), code);
  }
}
