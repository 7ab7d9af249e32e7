package io.khoj4j.application.port.in.content;

public interface IndexContentUseCase {

  IndexContentResult index(IndexContentCommand command);
}
