package io.khoj4j.application.port.out.tools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Paints a tiny PNG-typed image whose bytes spell the prompt; records every request. */
public final class InMemoryImageGenerator implements ImageGenerator {

  private final List<Request> requests = new ArrayList<>();

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public synchronized Image generate(Request request) {
    requests.add(request);
    return new Inline("image/png", request.prompt().getBytes(StandardCharsets.UTF_8));
  }
}
