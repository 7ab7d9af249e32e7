package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.out.tools.CodeSandbox;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebSearch;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.CodeRun;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.OnlineResult;
import io.khoj4j.domain.chat.TokenUsage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the tools of one turn found and made, gathered as they run: what the web gave and the programs run (sent in
 * {@code references} and stored on the answer), notes found by research, generated images and diagram, the
 * context messages for the answer's prompt, and the tokens the tools' model calls used. One turn, one thread.
 */
public final class ToolFindings {

  private final List<OnlineResult> online = new ArrayList<>();
  private final List<CodeRun> code = new ArrayList<>();
  private final Set<String> links = new HashSet<>();
  private final List<NoteReference> notes = new ArrayList<>();
  private final List<String> images = new ArrayList<>();
  private final List<String> promptContext = new ArrayList<>();
  private String mermaidjsDiagram;
  private TokenUsage usage = TokenUsage.NONE;

  /**
   * Findings that start from an interrupted turn's: its web results, programs run, images and diagram, and the context
   * it had for its answer (kept as its {@code researchContext}); none for a turn that carries on from nothing. Its
   * links are not marked as listed: a search the new turn repeats replaces its entry whole, hits included.
   */
  public static ToolFindings carryingOn(Optional<ChatMessage> interrupted) {
    ToolFindings found = new ToolFindings();
    interrupted.ifPresent(m -> {
      m.onlineContext().forEach(found::put);
      found.code.addAll(m.codeContext());
      found.images.addAll(m.images());
      found.mermaidjsDiagram = m.mermaidjsDiagram();
      found.promptContext.addAll(m.researchContext());
    });
    return found;
  }

  /**
   * A web search's results under its query ({@code organic}, {@code answerBox}, {@code webpages}); a link already
   * listed for an earlier query of the turn is left out, as Khoj does.
   */
  void addSearch(WebSearch.Results results, List<WebReader.Page> pages) {
    List<OnlineResult.Hit> organic = new ArrayList<>();
    for (WebSearch.Hit hit : results.organic()) {
      if (links.add(hit.link())) {
        organic.add(new OnlineResult.Hit(hit.title(), hit.link(), hit.snippet()));
      }
    }
    Optional<OnlineResult.AnswerBox> box =
        results.answer().map(a -> new OnlineResult.AnswerBox(a.title(), a.snippet(), a.link()));
    put(OnlineResult.search(results.query(), organic, box, extracts(results.query(), pages)));
  }

  /** Pages read for a message ({@code {"webpages": [{"query","link","snippet"}]}} under the message). */
  void addPages(String query, List<WebReader.Page> pages) {
    put(OnlineResult.pagesRead(query, extracts(query, pages)));
  }

  /** A program run under its instructions ({@code {code, results: {success, std_out, std_err, …}}}). */
  void addCode(String instructions, String program, CodeSandbox.Run run) {
    List<CodeRun.OutputFile> files = run.outputFiles().stream()
        .map(f -> new CodeRun.OutputFile(f.name(), Base64.getEncoder().encodeToString(f.data())))
        .toList();
    CodeRun ran = new CodeRun(
        instructions, program, run.success(), files, run.stdout(), run.stderr(), run.runtime());
    replaceOrAdd(code, ran, c -> c.instructions().equals(instructions));
  }

  /** One entry per query, as Khoj keys them: a later result for the same query replaces the earlier one in place. */
  private void put(OnlineResult result) {
    replaceOrAdd(online, result, r -> r.query().equals(result.query()));
  }

  private static <T> void replaceOrAdd(List<T> list, T item, Predicate<T> same) {
    for (int i = 0; i < list.size(); i++) {
      if (same.test(list.get(i))) {
        list.set(i, item);
        return;
      }
    }
    list.add(item);
  }

  void addNotes(List<NoteReference> found) {
    notes.addAll(found);
  }

  /** Adds the notes not already found (by their text); gives those added. */
  List<NoteReference> addNewNotes(List<NoteReference> found) {
    Set<String> known = new HashSet<>();
    notes.forEach(n -> known.add(n.compiled()));
    List<NoteReference> fresh = new ArrayList<>();
    for (NoteReference note : found) {
      if (known.add(note.compiled())) {
        fresh.add(note);
      }
    }
    notes.addAll(fresh);
    return fresh;
  }

  /**
   * Takes in what another tool's findings hold (one research step's): its web results, programs, notes, images and
   * tokens; not its prompt context, which the step reports in its own words.
   */
  void absorb(ToolFindings step) {
    step.online.forEach(this::put);
    step.code.forEach(
        c -> replaceOrAdd(code, c, same -> same.instructions().equals(c.instructions())));
    links.addAll(step.links);
    addNewNotes(step.notes);
    images.addAll(step.images);
    addUsage(step.usage);
  }

  /** The context messages so far as one text. */
  String promptContextText() {
    return String.join("\n\n", promptContext);
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

  public List<OnlineResult> onlineContext() {
    return List.copyOf(online);
  }

  public List<CodeRun> codeContext() {
    return List.copyOf(code);
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

  private static List<OnlineResult.PageExtract> extracts(String query, List<WebReader.Page> pages) {
    return pages.stream()
        .map(p -> new OnlineResult.PageExtract(
            query, p.url().toString(), OnlineSources.excerpt(p.text())))
        .toList();
  }
}
