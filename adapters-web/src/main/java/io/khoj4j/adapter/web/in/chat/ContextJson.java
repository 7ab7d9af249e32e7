package io.khoj4j.adapter.web.in.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.khoj4j.domain.chat.AttachedFile;
import io.khoj4j.domain.chat.CodeRun;
import io.khoj4j.domain.chat.OnlineResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Khoj's wire shapes for what a turn's tools found, written by Jackson from these records: {@code onlineContext}
 * and {@code codeContext} are objects keyed by the query (or the program's instructions) in the order the turn ran
 * them; {@code queryFiles} a list. Used by stream references and by stored messages alike.
 */
final class ContextJson {

  private ContextJson() {}

  /** One query's web results: {@code organic} only for a search, {@code answerBox} when given. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"organic", "answerBox", "webpages"})
  record Online(List<Hit> organic, AnswerBox answerBox, List<Page> webpages) {}

  @JsonPropertyOrder({"title", "link", "snippet"})
  record Hit(String title, String link, String snippet) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"title", "snippet", "link"})
  record AnswerBox(String title, String snippet, String link) {}

  @JsonPropertyOrder({"query", "link", "snippet"})
  record Page(String query, String link, String snippet) {}

  @JsonPropertyOrder({"code", "results"})
  record Code(String code, Results results) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"success", "output_files", "std_out", "std_err", "code_runtime"})
  record Results(
      boolean success,
      @JsonProperty("output_files") List<OutputFile> outputFiles,
      @JsonProperty("std_out") String stdout,
      @JsonProperty("std_err") String stderr,
      @JsonProperty("code_runtime") Long codeRuntime) {}

  @JsonPropertyOrder({"filename", "b64_data"})
  record OutputFile(
      String filename, @JsonProperty("b64_data") String b64Data) {}

  @JsonPropertyOrder({"name", "content", "file_type", "size"})
  record File(
      String name,
      String content,
      @JsonProperty("file_type") String fileType,
      long size) {}

  static Map<String, Online> online(List<OnlineResult> results) {
    Map<String, Online> out = new LinkedHashMap<>();
    for (OnlineResult r : results) {
      List<Hit> organic = r.searched()
          ? r.organic().stream()
              .map(h -> new Hit(h.title(), h.link(), h.snippet()))
              .toList()
          : null;
      AnswerBox box = r.answerBox()
          .map(a -> new AnswerBox(a.title(), a.snippet(), a.link().orElse(null)))
          .orElse(null);
      List<Page> pages = r.searched() && r.webpages().isEmpty()
          ? null
          : r.webpages().stream()
              .map(p -> new Page(p.query(), p.link(), p.snippet()))
              .toList();
      out.put(r.query(), new Online(organic, box, pages));
    }
    return out;
  }

  static Map<String, Code> code(List<CodeRun> runs) {
    Map<String, Code> out = new LinkedHashMap<>();
    for (CodeRun run : runs) {
      List<OutputFile> files = run.outputFiles().stream()
          .map(f -> new OutputFile(f.filename(), f.base64Data()))
          .toList();
      out.put(
          run.instructions(),
          new Code(
              run.code(),
              new Results(
                  run.success(),
                  files,
                  run.stdout(),
                  run.stderr(),
                  run.runtime().map(Duration::toMillis).orElse(null))));
    }
    return out;
  }

  /** Attached files as Khoj keeps them on the user's message; null (not {@code []}) when there are none. */
  static List<File> files(List<AttachedFile> files) {
    return files.isEmpty()
        ? null
        : files.stream()
            .map(f -> new File(f.name(), f.content(), f.fileType(), f.size()))
            .toList();
  }
}
