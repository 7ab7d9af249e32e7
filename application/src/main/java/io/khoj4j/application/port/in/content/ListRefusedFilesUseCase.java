package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.RefusedFile;
import java.util.List;

/**
 * Files an upload refused (damaged, encrypted, too large when unpacked, …) and not since indexed or deleted, so that
 * a refusal is not a silent mystery: the upload's answer names only the files it indexed, as Khoj's clients expect.
 */
public interface ListRefusedFilesUseCase {

  List<RefusedFile> list(ListRefusedFilesQuery query);
}
