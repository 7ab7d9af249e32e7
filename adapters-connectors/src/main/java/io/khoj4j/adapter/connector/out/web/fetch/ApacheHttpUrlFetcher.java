package io.khoj4j.adapter.connector.out.web.fetch;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The SSRF-safe fetcher (ADR 21). Each hop's URL is checked by the {@link AddressPolicy} (scheme, host spelling,
 * a literal address); a host name is resolved once, inside the HTTP client's DNS hook, and every address it resolves
 * to is checked there, so the connection goes to exactly the addresses that were checked (no second lookup an
 * attacker's DNS could answer differently). Redirects are followed by this class, at most five, each re-checked.
 * Limits: the media types the caller accepts, {@code maxBytes} of body (after decompression), and one deadline for
 * the whole fetch, redirects included, besides the connect and read time-outs. No proxy, no cookies, no retries.
 */
public final class ApacheHttpUrlFetcher implements UrlFetcher, AutoCloseable {

  static final int MAX_REDIRECTS = 5;
  private static final String USER_AGENT =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
          + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

  /** The fetch's caps. */
  public record Limits(long maxBytes, Duration connectTimeout, Duration timeout) {
    public Limits {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(timeout, "timeout");
      if (connectTimeout.isNegative()
          || connectTimeout.isZero()
          || timeout.isNegative()
          || timeout.isZero()) {
        throw new IllegalArgumentException("time-outs must be positive");
      }
    }
  }

  private final AddressPolicy policy;
  private final HostResolver resolver;
  private final Limits limits;
  private final CloseableHttpClient client;
  private final ScheduledExecutorService deadlines;

  public ApacheHttpUrlFetcher(AddressPolicy policy, HostResolver resolver, Limits limits) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.limits = Objects.requireNonNull(limits, "limits");
    Timeout connect = Timeout.of(limits.connectTimeout());
    Timeout read = Timeout.of(limits.timeout());
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new CheckingDns())
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(connect)
                .setSocketTimeout(read)
                .build())
            .setMaxConnTotal(64)
            .setMaxConnPerRoute(4)
            .build();
    this.client = HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(read)
            .setConnectionRequestTimeout(read)
            .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent(USER_AGENT)
        .build();
    this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "url-fetch-deadlines");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Fetched fetch(Request request) {
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    URI url = request.url();
    for (int redirects = 0; ; redirects++) {
      Hop hop = hop(url, request, deadline);
      if (hop.redirect().isEmpty()) {
        return hop.fetched();
      }
      if (redirects == MAX_REDIRECTS) {
        throw new UpstreamFailureException(
            request.url() + " redirects more than " + MAX_REDIRECTS + " times", false, null);
      }
      url = hop.redirect().get();
    }
  }

  private record Hop(Optional<URI> redirect, Fetched fetched) {}

  private Hop hop(URI url, Request request, long deadline) {
    checkLiteralAddress(url);
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw tooSlow(request);
    }
    HttpGet get = new HttpGet(withoutFragment(url));
    get.setHeader("Accept", String.join(", ", request.mediaTypes()) + ", */*;q=0.1");
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> cancel = deadlines.schedule(
        () -> {
          timedOut.set(true);
          get.cancel();
        },
        remaining,
        TimeUnit.NANOSECONDS);
    try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
      return answer(url, response, request, deadline);
    } catch (UpstreamFailureException e) {
      throw e;
    } catch (RefusedAddressException e) {
      throw new UpstreamFailureException(e.getMessage(), false, e);
    } catch (IOException e) {
      throw timedOut.get() ? tooSlow(request) : failure(url, e);
    } finally {
      cancel.cancel(false);
    }
  }

  /** A URL naming an address (not a host name) is checked before any connection; names are checked when resolved. */
  private void checkLiteralAddress(URI url) {
    try {
      AddressPolicy.Target target = policy.target(url);
      if (target.literal().isPresent()) {
        policy.check(target.host(), target.literal().get());
      }
    } catch (RefusedAddressException e) {
      throw new UpstreamFailureException(e.getMessage(), false, e);
    }
  }

  /** A redirect to follow (checked again on the next hop), or the body when status, type and size are acceptable. */
  private Hop answer(URI url, ClassicHttpResponse response, Request request, long deadline)
      throws IOException {
    int status = response.getCode();
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      Header location = response.getFirstHeader("Location");
      if (location == null || location.getValue().isBlank()) {
        throw new UpstreamFailureException(
            url + " answered " + status + " without a Location", false, null);
      }
      return new Hop(Optional.of(resolve(url, location.getValue())), null);
    }
    if (status < 200 || status > 299) {
      throw new UpstreamFailureException(
          url + " answered " + status, status == 429 || status >= 500, null);
    }
    HttpEntity entity = response.getEntity();
    String contentType =
        entity == null || entity.getContentType() == null ? "" : entity.getContentType();
    String mediaType = mediaType(contentType);
    if (mediaType.isEmpty() || !request.accepts(mediaType)) {
      throw new UpstreamFailureException(
          url + " is " + (mediaType.isEmpty() ? "of no stated type" : mediaType) + ", not "
              + String.join(" or ", request.mediaTypes()),
          false,
          null);
    }
    if (entity.getContentLength() > limits.maxBytes()) {
      throw tooLarge(url);
    }
    byte[] body = read(entity, url, deadline, request);
    return new Hop(Optional.empty(), new Fetched(url, mediaType, charset(contentType), body));
  }

  /** A connection failure in words, retryable when trying again could help. */
  private UpstreamFailureException failure(URI url, IOException e) {
    RefusedAddressException refused = refusal(e);
    if (refused != null) {
      return new UpstreamFailureException(refused.getMessage(), false, e);
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return new UpstreamFailureException(url + " timed out", true, e);
    }
    if (e instanceof UnknownHostException) {
      return new UpstreamFailureException("unknown host in " + url, false, e);
    }
    return new UpstreamFailureException("could not fetch " + url + ": " + e.getMessage(), true, e);
  }

  private byte[] read(HttpEntity entity, URI url, long deadline, Request request)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = entity.getContent()) {
      if (in == null) {
        return new byte[0];
      }
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + (long) n > limits.maxBytes()) {
          throw tooLarge(url);
        }
        out.write(buffer, 0, n);
        if (System.nanoTime() - deadline > 0) {
          throw tooSlow(request);
        }
      }
    }
    return out.toByteArray();
  }

  private UpstreamFailureException tooLarge(URI url) {
    return new UpstreamFailureException(
        url + " is larger than " + limits.maxBytes() + " bytes", false, null);
  }

  private UpstreamFailureException tooSlow(Request request) {
    return new UpstreamFailureException(
        "fetching " + request.url() + " took longer than " + limits.timeout().toMillis() + " ms",
        true,
        null);
  }

  private static RefusedAddressException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RefusedAddressException r) {
        return r;
      }
    }
    return null;
  }

  private static URI resolve(URI base, String location) {
    try {
      return base.resolve(new URI(location.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new UpstreamFailureException(base + " redirects to an invalid address", false, e);
    }
  }

  private static URI withoutFragment(URI url) {
    if (url.getRawFragment() == null) {
      return url;
    }
    String s = url.toString();
    return URI.create(s.substring(0, s.indexOf('#')));
  }

  static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  static Optional<String> charset(String contentType) {
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String value = p.substring(8).strip().replace("\"", "").replace("'", "");
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    deadlines.shutdownNow();
    client.close();
  }

  /** The HTTP client's only way to turn a host into addresses: resolve once, check every answer. */
  private final class CheckingDns implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      String name = host.startsWith("[") ? host : host.contains(":") ? "[" + host + "]" : host;
      AddressPolicy.Target target;
      try {
        target = policy.target(new URI("http", name, "/", null));
      } catch (URISyntaxException e) {
        throw new RefusedAddressException("not a valid host name: " + host);
      }
      List<InetAddress> addresses = target.literal().isPresent()
          ? List.of(target.literal().get())
          : resolver.resolve(target.host());
      if (addresses.isEmpty()) {
        throw new UnknownHostException(host);
      }
      for (InetAddress address : addresses) {
        policy.check(target.host(), address);
      }
      return addresses.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      List<InetSocketAddress> out = new ArrayList<>();
      for (InetAddress address : resolve(host)) {
        out.add(new InetSocketAddress(address, port));
      }
      return out;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }
}
