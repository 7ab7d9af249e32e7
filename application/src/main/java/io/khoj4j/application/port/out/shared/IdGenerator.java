package io.khoj4j.application.port.out.shared;

import java.util.UUID;

/** Source of new identifiers. The core never calls {@code UUID.randomUUID()} itself: tests stay deterministic. */
@FunctionalInterface
public interface IdGenerator {

  UUID newId();
}
