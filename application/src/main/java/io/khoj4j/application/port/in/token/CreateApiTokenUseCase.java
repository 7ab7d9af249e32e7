package io.khoj4j.application.port.in.token;

public interface CreateApiTokenUseCase {

  CreatedApiToken create(CreateApiTokenCommand command);
}
