package io.khoj4j.application.port.out.chat;

import java.util.List;

/** Asks an OpenAI-compatible server which models it serves ({@code GET {baseUrl}/models}). */
public interface ChatModelDiscovery {

  /** Model ids, in the server's order. @throws io.khoj4j.application.error.UpstreamFailureException */
  List<String> listModels(String baseUrl, String apiKey);
}
