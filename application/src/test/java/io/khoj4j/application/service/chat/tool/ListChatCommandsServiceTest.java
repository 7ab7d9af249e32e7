package io.khoj4j.application.service.chat.tool;

import static io.khoj4j.domain.chat.ConversationCommand.CODE;
import static io.khoj4j.domain.chat.ConversationCommand.DIAGRAM;
import static io.khoj4j.domain.chat.ConversationCommand.GENERAL;
import static io.khoj4j.domain.chat.ConversationCommand.IMAGE;
import static io.khoj4j.domain.chat.ConversationCommand.NOTES;
import static io.khoj4j.domain.chat.ConversationCommand.RESEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.chat.ListChatCommandsQuery;
import io.khoj4j.application.port.out.tools.CodeSandbox;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.InMemoryDiagramValidator;
import io.khoj4j.application.port.out.tools.InMemoryImageGenerator;
import io.khoj4j.application.port.out.tools.ToolServers;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebSearch;
import org.junit.jupiter.api.Test;

/** Only configured tools are offered; research, the server's own loop over them, always is. */
class ListChatCommandsServiceTest {

  @Test
  void withNothingConfiguredGeneralNotesAndResearchAreOffered() {
    assertThat(new ListChatCommandsService(ChatTools.noneConfigured())
            .list(new ListChatCommandsQuery()))
        .containsExactly(GENERAL, NOTES, RESEARCH);
  }

  @Test
  void imageAppearsOnlyWithAnImageModel() {
    ChatTools withImages = new ChatTools(
        WebSearch.NOT_CONFIGURED,
        WebReader.NOT_CONFIGURED,
        new InMemoryImageGenerator(),
        CodeSandbox.NOT_CONFIGURED,
        ToolServers.NONE,
        new InMemoryDiagramValidator());
    ChatTools withoutImages = new ChatTools(
        WebSearch.NOT_CONFIGURED,
        WebReader.NOT_CONFIGURED,
        ImageGenerator.NOT_CONFIGURED,
        CodeSandbox.NOT_CONFIGURED,
        ToolServers.NONE,
        new InMemoryDiagramValidator());
    assertThat(new ListChatCommandsService(withImages).list(new ListChatCommandsQuery()))
        .containsExactly(GENERAL, NOTES, IMAGE, DIAGRAM, RESEARCH)
        .doesNotContain(CODE);
    assertThat(new ListChatCommandsService(withoutImages).list(new ListChatCommandsQuery()))
        .containsExactly(GENERAL, NOTES, DIAGRAM, RESEARCH);
  }
}
