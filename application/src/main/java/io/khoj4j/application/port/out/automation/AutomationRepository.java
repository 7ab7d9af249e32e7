package io.khoj4j.application.port.out.automation;

import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Automations, always by owner. */
public interface AutomationRepository {

  void insert(Automation automation);

  /** Replaces the stored automation with the same id and owner; false when there is none. */
  boolean update(Automation automation);

  Optional<Automation> find(UserId owner, UUID id);

  /** The owner's automations, oldest first. */
  List<Automation> list(UserId owner);

  long count(UserId owner);

  boolean delete(UserId owner, UUID id);
}
