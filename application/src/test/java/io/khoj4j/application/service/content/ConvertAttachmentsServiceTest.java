package io.khoj4j.application.service.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.port.in.content.AttachmentRejectedException;
import io.khoj4j.application.port.in.content.AttachmentRejectedException.Reason;
import io.khoj4j.application.port.in.content.ConvertAttachmentsCommand;
import io.khoj4j.application.port.in.content.ConvertAttachmentsResult.Attachment;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.content.FakeDocumentReader;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConvertAttachmentsServiceTest {

  private static final UserId USER = new UserId(new UUID(0, 7));
  private final ConvertAttachmentsService service =
      new ConvertAttachmentsService(new FakeDocumentReader(), IndexingLimits.defaults());

  private List<Attachment> convert(UploadedFile... files) {
    return service.convert(new ConvertAttachmentsCommand(USER, List.of(files))).attachments();
  }

  private static UploadedFile file(String name, String type, String text) {
    return new UploadedFile(name, type, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void textKeepsItsContentAndReportsItsUtf8Size() {
    assertThat(convert(
            file("ü.md", "text/markdown", "# Über\n"), file("n.txt", "text/plain", "plain")))
        .containsExactly(
            new Attachment("ü.md", "# Über\n", ContentType.MARKDOWN, 8),
            new Attachment("n.txt", "plain", ContentType.PLAINTEXT, 5));
  }

  @Test
  void pdfPagesAreMarked() {
    assertThat(
            convert(file("d.pdf", "application/pdf", "%PDFone\ftwo")).getFirst().content())
        .isEqualTo("Page 1 of d.pdf:\n\none\n\nPage 2 of d.pdf:\n\ntwo");
  }

  @Test
  void refusalsNameTheFileAndTheReason() {
    UploadedFile big = new UploadedFile(
        "big.txt", "text/plain", new byte[(int) ConvertAttachmentsService.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> convert(big))
        .isInstanceOfSatisfying(
            AttachmentRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    assertThatThrownBy(() -> convert(new UploadedFile("p.png", "image/png", new byte[] {1, 2})))
        .isInstanceOfSatisfying(
            AttachmentRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
    assertThatThrownBy(() -> convert(file("bad.pdf", "application/pdf", "nope")))
        .isInstanceOfSatisfying(AttachmentRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
          assertThat(e.fileName()).isEqualTo("bad.pdf");
        });
  }
}
