package io.khoj4j.archfixture.clock.application.service;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Violation: the core calls ZonedDateTime.now(ZoneId) (a zone is no clock). */
public class ZonedDateTimeNow {
  ZonedDateTime read() {
    return ZonedDateTime.now(ZoneId.of("UTC"));
  }
}
