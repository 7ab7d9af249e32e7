package io.khoj4j.adapter.connector.out.web.fetch;

import java.net.UnknownHostException;

/**
 * An address the fetcher will not open. It is an {@link UnknownHostException} because the HTTP client's DNS hook may
 * only throw that: a refused answer then ends the request before any connection is made.
 */
public final class RefusedAddressException extends UnknownHostException {

  public RefusedAddressException(String message) {
    super(message);
  }
}
