package io.khoj4j.adapter.web.in.attachment;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.web.Upload;
import io.khoj4j.application.port.in.content.AttachmentRejectedException;
import io.khoj4j.application.port.in.content.ConvertAttachmentsCommand;
import io.khoj4j.application.port.in.content.ConvertAttachmentsResult;
import io.khoj4j.application.port.in.content.ConvertAttachmentsUseCase;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.domain.content.ContentType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slice test of {@link ConvertResource}: attachments to text, the refusals before the core and each rejection. */
class ConvertResourceTest {

  @TempDir
  Path dir;

  private final List<ConvertAttachmentsCommand> received = new ArrayList<>();
  private AttachmentRejectedException rejection;

  private final ConvertResource resource = new ConvertResource(alice(), c -> {
    received.add(c);
    if (rejection != null) {
      throw rejection;
    }
    return new ConvertAttachmentsResult(c.files().stream()
        .map(f -> new ConvertAttachmentsResult.Attachment(
            f.name(),
            new String(f.content(), StandardCharsets.UTF_8),
            ContentType.MARKDOWN,
            f.content().length))
        .toList());
  });

  @Test
  void theCallersAttachmentsAreConvertedInKhojsShape() {
    Response response = resource.convert(List.of(
        Upload.of(dir, "tea.md", "text/markdown", "# Tea"),
        Upload.of(dir, null, "text/markdown", "x")));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(json(response.getEntity()))
        .isEqualTo("[{\"name\":\"tea.md\",\"content\":\"# Tea\","
            + "\"file_type\":\"markdown\",\"size\":5},{\"name\":\"\",\"content\":\"x\",\"file_type\":\"markdown\","
            + "\"size\":1}]");
    assertThat(received).hasSize(1);
    assertThat(received.getFirst().userId()).isEqualTo(ALICE);
    assertThat(received.getFirst().files())
        .extracting(UploadedFile::name, UploadedFile::contentType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tea.md", "text/markdown"),
            org.assertj.core.groups.Tuple.tuple("", "text/markdown"));
  }

  @Test
  void noFilesOrTooManyIs400AndTheCoreIsNotAsked() {
    FileUpload one = Upload.of(dir, "a.md", "text/markdown", "a");

    Response none = resource.convert(null);
    Response empty = resource.convert(List.of());
    Response many =
        resource.convert(Collections.nCopies(ConvertAttachmentsUseCase.MAX_FILES + 1, one));

    assertThat(List.of(none.getStatus(), empty.getStatus(), many.getStatus())).containsOnly(400);
    assertThat(json(none.getEntity()))
        .isEqualTo(
            "{\"detail\":\"No files to convert: send them as multipart parts named 'files'.\"}");
    assertThat(json(many.getEntity()))
        .isEqualTo("{\"detail\":\"Too many files: at most 20 attachments per request.\"}");
    assertThat(received).isEmpty();
  }

  @Test
  void eachRejectionHasItsOwnStatusNamingTheFile() {
    assertThat(rejected(AttachmentRejectedException.Reason.TOO_LARGE).getStatus())
        .isEqualTo(413);
    assertThat(rejected(AttachmentRejectedException.Reason.UNSUPPORTED).getStatus())
        .isEqualTo(415);
    Response unreadable = rejected(AttachmentRejectedException.Reason.UNREADABLE);
    assertThat(unreadable.getStatus()).isEqualTo(422);
    assertThat(json(unreadable.getEntity()))
        .isEqualTo("{\"detail\":\"Cannot convert a.bin: why\"}");
  }

  private Response rejected(AttachmentRejectedException.Reason reason) {
    rejection = new AttachmentRejectedException("a.bin", reason, "why");
    return resource.convert(List.of(Upload.of(dir, "a.bin", "application/octet-stream", "?")));
  }
}
