package io.khoj4j.archfixture.fetch.adapter.llm;

import java.io.IOException;
import java.net.Socket;

/** Violation: connects a raw socket to a given host. */
public class RawSocketClient {
  Socket connect(String host, int port) throws IOException {
    return new Socket(host, port);
  }
}
