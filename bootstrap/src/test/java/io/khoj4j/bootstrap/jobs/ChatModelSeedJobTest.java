package io.khoj4j.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.model.SeedChatModelsCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatModelSeedJobTest {

  @Test
  void atStartTheEnvironmentIsSeededOnceWithBlankValuesLeftOut() {
    List<SeedChatModelsCommand> seeded = new ArrayList<>();
    ChatModelSeedJob job = new ChatModelSeedJob(
        seeded::add,
        Optional.of(" sk-openai "),
        Optional.of("http://localhost:11434/v1"),
        Optional.of(""),
        Optional.empty(),
        Optional.of("llama3.2"));

    job.onStart(null);

    assertThat(seeded)
        .containsExactly(new SeedChatModelsCommand(
            Optional.of("sk-openai"),
            Optional.of("http://localhost:11434/v1"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("llama3.2")));
  }
}
