package io.khoj4j.application.port.in.automation;

import io.khoj4j.domain.automation.Automation;
import java.time.Instant;
import java.util.Optional;

/** An automation with its schedule in words and its next run (empty when its cron expression never fires again). */
public record AutomationDetails(Automation automation, String schedule, Optional<Instant> next) {}
