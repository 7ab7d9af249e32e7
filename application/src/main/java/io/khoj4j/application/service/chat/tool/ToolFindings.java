package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.out.tools.CodeSandbox;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebSearch;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.TokenUsage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the tools of one turn found and made, gathered as they run: the online and code contexts in Khoj's wire shape
 * (sent in {@code references} and stored on the answer), notes found by research, generated images and diagram, the
 * context messages for the answer's prompt, and the tokens the tools' model calls used. One turn, one thread.
 */
public final class ToolFindings {

  private final Map<String, Object> onlineContext = new LinkedHashMap<>();
  private final Map<String, Object> codeContext = new LinkedHashMap<>();
  private final Set<String> links = new HashSet<>();
  private final List<NoteReference> notes = new ArrayList<>();
  private final List<String> images = new ArrayList<>();
  private final List<String> promptContext = new ArrayList<>();
  private String mermaidjsDiagram;
  private TokenUsage usage = TokenUsage.NONE;

  /**
   * A web search's results under its query ({@code organic}, {@code answerBox}, {@code webpages}); a link already
   * listed for an earlier query of the turn is left out, as Khoj does.
   */
  void addSearch(WebSearch.Results results, List<WebReader.Page> pages) {
    List<Map<String, Object>> organic = new ArrayList<>();
    for (WebSearch.Hit hit : results.organic()) {
      if (links.add(hit.link())) {
        organic.add(ordered("title", hit.title(), "link", hit.link(), "snippet", hit.snippet()));
      }
    }
    Map<String, Object> found = new LinkedHashMap<>();
    found.put("organic", organic);
    results.answer().ifPresent(a -> {
      Map<String, Object> box = ordered("title", a.title(), "snippet", a.snippet());
      a.link().ifPresent(link -> box.put("link", link));
      found.put("answerBox", box);
    });
    if (!pages.isEmpty()) {
      found.put("webpages", webpages(results.query(), pages));
    }
    onlineContext.put(results.query(), found);
  }

  /** Pages read for a message ({@code {"webpages": [{"query","link","snippet"}]}} under the message). */
  void addPages(String query, List<WebReader.Page> pages) {
    Map<String, Object> found = new LinkedHashMap<>();
    found.put("webpages", webpages(query, pages));
    onlineContext.put(query, found);
  }

  /** A program run under its instructions ({@code {code, results: {success, std_out, std_err, …}}}). */
  void addCode(String instructions, String code, CodeSandbox.Run run) {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("success", run.success());
    results.put("output_files", run.outputFiles().stream()
        .map(f -> ordered("filename", f.name(), "b64_data", Base64.getEncoder().encodeToString(f.data())))
        .toList());
    results.put("std_out", run.stdout());
    results.put("std_err", run.stderr());
    run.runtime().ifPresent(d -> results.put("code_runtime", d.toMillis()));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("code", code);
    entry.put("results", results);
    codeContext.put(instructions, entry);
  }

  void addNotes(List<NoteReference> found) {
    notes.addAll(found);
  }

  void addImage(String src) {
    images.add(src);
  }

  void diagram(String mermaid) {
    mermaidjsDiagram = mermaid;
  }

  /** A user-role message placed before the question in the answer's prompt. */
  void addPromptContext(String text) {
    promptContext.add(text);
  }

  void addUsage(TokenUsage used) {
    usage = usage.plus(used);
  }

  public Map<String, Object> onlineContext() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(onlineContext));
  }

  public Map<String, Object> codeContext() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(codeContext));
  }

  public List<NoteReference> notes() {
    return List.copyOf(notes);
  }

  public List<String> images() {
    return List.copyOf(images);
  }

  public Optional<String> mermaidjsDiagram() {
    return Optional.ofNullable(mermaidjsDiagram);
  }

  public List<String> promptContext() {
    return List.copyOf(promptContext);
  }

  public TokenUsage usage() {
    return usage;
  }

  private static List<Map<String, Object>> webpages(String query, List<WebReader.Page> pages) {
    return pages.stream().map(p -> ordered("query", query, "link", p.url().toString(), "snippet",
        OnlineSources.excerpt(p.text()))).toList();
  }

  private static Map<String, Object> ordered(String... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
