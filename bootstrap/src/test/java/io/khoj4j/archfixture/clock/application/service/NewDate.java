package io.khoj4j.archfixture.clock.application.service;

import java.util.Date;

/** Violation: the core calls new Date() (today's date from the system clock). */
public class NewDate {
  Date read() {
    return new Date();
  }
}
