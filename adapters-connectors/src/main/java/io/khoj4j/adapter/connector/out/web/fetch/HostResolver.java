package io.khoj4j.adapter.connector.out.web.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to its addresses; the system resolver in production, a fixed table in tests. */
@FunctionalInterface
public interface HostResolver {

  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The operating system's resolver. */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
