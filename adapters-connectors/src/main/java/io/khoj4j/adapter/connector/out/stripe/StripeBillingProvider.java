package io.khoj4j.adapter.connector.out.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource.RequestMethod;
import com.stripe.net.Webhook;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.subscription.BillingEvent;
import io.khoj4j.application.port.out.subscription.BillingProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stripe through its own Java library: {@link Webhook#constructEvent} checks the {@code stripe-signature} header
 * (HMAC-SHA256 over the timestamp and the raw body, with a five-minute tolerance) exactly as Stripe specifies, and
 * {@link StripeClient} calls the API. Responses are read as JSON rather than as the library's typed models, because
 * where Stripe keeps {@code current_period_end} (on the subscription, or on its items since API version 2025-03-31)
 * depends on the account's API version; both places are read.
 */
public final class StripeBillingProvider implements BillingProvider {

  static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

  private final StripeClient client;
  private final String signingSecret;
  private final Clock clock;

  /**
   * @param apiBase Stripe's API ({@code https://api.stripe.com}); tests point it at a local stub
   * @param retries how often the library retries a call that failed on the network, a 409, a 429 or a 5xx
   */
  public StripeBillingProvider(
      String apiKey,
      String signingSecret,
      String apiBase,
      Duration timeout,
      int retries,
      Clock clock) {
    this.client = StripeClient.builder()
        .setApiKey(apiKey)
        .setApiBase(apiBase)
        .setConnectTimeout((int) Math.min(timeout.toMillis(), 10_000))
        .setReadTimeout((int) timeout.toMillis())
        .setMaxNetworkRetries(retries)
        .build();
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  @Override
  public BillingEvent verify(String payload, String signature) {
    try {
      Webhook.constructEvent(payload, signature, signingSecret, TOLERANCE_SECONDS, clock);
    } catch (SignatureVerificationException e) {
      throw new InvalidInputException("Invalid Stripe signature");
    } catch (RuntimeException e) {
      throw new InvalidInputException("Invalid Stripe event");
    }
    try {
      JsonObject event = JsonParser.parseString(payload).getAsJsonObject();
      JsonObject object = event.getAsJsonObject("data").getAsJsonObject("object");
      BillingEvent.Kind kind = switch (string(event, "type").orElse("")) {
        case "invoice.paid" -> BillingEvent.Kind.INVOICE_PAID;
        case "customer.subscription.updated" -> BillingEvent.Kind.SUBSCRIPTION_UPDATED;
        case "customer.subscription.deleted" -> BillingEvent.Kind.SUBSCRIPTION_DELETED;
        default -> BillingEvent.Kind.OTHER;
      };
      List<String> products = new ArrayList<>();
      products(object, "items", products);
      products(object, "lines", products);
      boolean cancel = object.has("cancel_at_period_end")
          && object.get("cancel_at_period_end").isJsonPrimitive()
          && object.get("cancel_at_period_end").getAsBoolean();
      return new BillingEvent(
          string(event, "id").orElseThrow(),
          kind,
          string(object, "customer").orElse(null),
          products,
          cancel,
          periodEnd(object));
    } catch (RuntimeException e) {
      throw new InvalidInputException("Invalid Stripe event");
    }
  }

  @Override
  public Optional<String> customerEmail(String customerId) {
    return get("/v1/customers/" + encode(customerId))
        .filter(c -> !(c.has("deleted") && c.get("deleted").getAsBoolean()))
        .flatMap(c -> string(c, "email"));
  }

  @Override
  public Optional<Instant> latestPeriodEnd(String customerId) {
    return subscriptions(customerId, 1).stream()
        .findFirst()
        .flatMap(StripeBillingProvider::periodEnd);
  }

  @Override
  public Optional<String> customerByEmail(String email) {
    return get("/v1/customers?limit=1&email=" + encode(email))
        .flatMap(list -> first(list.getAsJsonArray("data")))
        .flatMap(c -> string(c, "id"));
  }

  @Override
  public int cancelAtPeriodEnd(String customerId) {
    List<JsonObject> all = subscriptions(customerId, 100);
    for (JsonObject s : all) {
      post(
          "/v1/subscriptions/" + encode(string(s, "id").orElseThrow()),
          "cancel_at_period_end=true");
    }
    return all.size();
  }

  @Override
  public boolean resume(String customerId) {
    for (JsonObject s : subscriptions(customerId, 100)) {
      if (s.has("cancel_at_period_end") && s.get("cancel_at_period_end").getAsBoolean()) {
        post(
            "/v1/subscriptions/" + encode(string(s, "id").orElseThrow()),
            "cancel_at_period_end=false");
        return true;
      }
    }
    return false;
  }

  private List<JsonObject> subscriptions(String customerId, int limit) {
    List<JsonObject> out = new ArrayList<>();
    get("/v1/subscriptions?limit=" + limit + "&customer=" + encode(customerId))
        .map(list -> list.getAsJsonArray("data"))
        .ifPresent(data -> data.forEach(e -> out.add(e.getAsJsonObject())));
    return out;
  }

  /** A GET; empty when Stripe says there is no such object (404). */
  private Optional<JsonObject> get(String path) {
    try {
      return Optional.of(JsonParser.parseString(
              client.rawRequest(RequestMethod.GET, path, null).body())
          .getAsJsonObject());
    } catch (StripeException e) {
      if (e.getStatusCode() != null && e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw failure(e);
    } catch (RuntimeException e) {
      throw new UpstreamFailureException(
          "Stripe answered with something that is not JSON", false, e);
    }
  }

  private void post(String path, String form) {
    try {
      client.rawRequest(RequestMethod.POST, path, form);
    } catch (StripeException e) {
      throw failure(e);
    }
  }

  private static UpstreamFailureException failure(StripeException e) {
    boolean retryable = e instanceof RateLimitException
        || e instanceof ApiConnectionException
        || (e.getStatusCode() != null && e.getStatusCode() >= 500);
    return new UpstreamFailureException(
        "Stripe could not be reached: " + e.getClass().getSimpleName(), retryable, e);
  }

  private static void products(JsonObject object, String listName, List<String> out) {
    if (!object.has(listName) || !object.get(listName).isJsonObject()) {
      return;
    }
    JsonElement data = object.getAsJsonObject(listName).get("data");
    if (data == null || !data.isJsonArray()) {
      return;
    }
    for (JsonElement item : data.getAsJsonArray()) {
      JsonObject line = item.getAsJsonObject();
      if (line.has("price") && line.get("price").isJsonObject()) {
        productOf(line.getAsJsonObject("price").get("product")).ifPresent(out::add);
      }
      // Invoice lines of newer API versions name the product under pricing.price_details.
      if (line.has("pricing")
          && line.get("pricing").isJsonObject()
          && line.getAsJsonObject("pricing").has("price_details")) {
        productOf(
                line.getAsJsonObject("pricing").getAsJsonObject("price_details").get("product"))
            .ifPresent(out::add);
      }
    }
  }

  /** A product is an id, or an expanded object with one. */
  private static Optional<String> productOf(JsonElement product) {
    if (product == null || product.isJsonNull()) {
      return Optional.empty();
    }
    return product.isJsonObject()
        ? string(product.getAsJsonObject(), "id")
        : Optional.of(product.getAsString());
  }

  private static Optional<Instant> periodEnd(JsonObject subscription) {
    Optional<Long> seconds = number(subscription, "current_period_end");
    if (seconds.isEmpty()
        && subscription.has("items")
        && subscription.get("items").isJsonObject()) {
      seconds = first(subscription.getAsJsonObject("items").getAsJsonArray("data"))
          .flatMap(item -> number(item, "current_period_end"));
    }
    return seconds.map(Instant::ofEpochSecond);
  }

  private static Optional<JsonObject> first(JsonArray array) {
    return array == null || array.isEmpty()
        ? Optional.empty()
        : Optional.of(array.get(0).getAsJsonObject());
  }

  private static Optional<String> string(JsonObject object, String field) {
    JsonElement e = object.get(field);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive()
        ? Optional.empty()
        : Optional.of(e.getAsString());
  }

  private static Optional<Long> number(JsonObject object, String field) {
    JsonElement e = object.get(field);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive()
        ? Optional.empty()
        : Optional.of(e.getAsLong());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
