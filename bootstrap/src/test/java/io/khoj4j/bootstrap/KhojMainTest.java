package io.khoj4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KhojMainTest {

  @Test
  void anAdminCommandRunsWithoutListenerAndWithoutAnyBackgroundJob() {
    // the shared scheduler's jobs too: a command that claimed a due automation and exited left it
    // to run twice
    assertThat(KhojMain.ADMIN_COMMAND_SETTINGS)
        .containsEntry("quarkus.http.host-enabled", "false")
        .containsEntry("quarkus.scheduler.enabled", "false")
        .containsEntry("khoj.jobs.enabled", "false");
  }
}
