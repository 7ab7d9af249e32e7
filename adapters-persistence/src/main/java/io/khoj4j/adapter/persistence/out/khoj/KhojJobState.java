package io.khoj4j.adapter.persistence.out.khoj;

import io.khoj4j.domain.automation.Automation;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;

/**
 * What a Khoj automation's scheduler job keeps in {@code django_apscheduler_djangojob.job_state}: the pickled state of
 * an APScheduler 3 job, a dictionary whose {@code name} is a JSON document (the automation's query, subject and
 * crontime) and whose {@code trigger} holds the user's time zone.
 *
 * <p>The pickle also names classes of Khoj's own process (its Django user, a Starlette URL, the run function), which do
 * not exist here. Pyrolite turns unknown classes into plain dictionaries; this reader also accepts what Pyrolite alone
 * refuses (an unknown function called with arguments, a state given with slots) so that no such value stops the read,
 * and then takes only the values it needs. Nothing in a pickle is ever run: Pyrolite builds Java values only.
 */
final class KhojJobState {

  /**
   * What the job's name and trigger say: the question each run asks, what the user typed, the subject, the cron
   * expression, the conversation its runs answer in (when Khoj named one) and the zone the cron expression is read in;
   * and what its arguments say: the place the user asked from (the {@code city}, {@code region} and {@code country}
   * of the request URL Khoj keeps to send each run as).
   */
  record Job(
      String queryToRun,
      String schedulingRequest,
      String subject,
      String crontime,
      Optional<String> conversationId,
      Optional<String> timezone,
      Automation.Place place) {}

  /** Where a value made by an unknown function keeps the function's arguments. */
  private static final String ARGS = "__args__";

  private KhojJobState() {}

  /**
   * Reads a job state.
   *
   * @throws IllegalArgumentException when the bytes are not a pickled job whose name gives a query and a crontime
   */
  static Job read(byte[] state) {
    Object value;
    Unpickler unpickler = new TolerantUnpickler();
    try {
      value = unpickler.loads(state);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the scheduler job cannot be read: " + e.getMessage(), e);
    } finally {
      unpickler.close();
    }
    if (!(value instanceof Map<?, ?> job) || !(job.get("name") instanceof String name)) {
      throw new IllegalArgumentException("the scheduler job has no name");
    }
    Optional<String> zone = job.get("trigger") instanceof Map<?, ?> trigger
        ? zoneOf(trigger.get("timezone"))
        : Optional.empty();
    Map<String, String> about = KhojRows.jsonTexts(name);
    String query = about.getOrDefault("query_to_run", "");
    String crontime = about.getOrDefault("crontime", "");
    if (query.isBlank() || crontime.isBlank()) {
      throw new IllegalArgumentException("the scheduler job names no query or no crontime");
    }
    return new Job(
        query,
        about.getOrDefault("scheduling_request", query),
        about.getOrDefault("subject", ""),
        crontime,
        Optional.ofNullable(about.get("conversation_id")).filter(id -> !id.equals("None")),
        zone,
        placeOf(job.get("kwargs") instanceof Map<?, ?> kwargs ? kwargs.get("calling_url") : null));
  }

  /**
   * The place in the URL Khoj calls each run with: a Starlette URL (its state keeps the text as {@code _url}) when the
   * automation was made in a chat, the text itself when made through the automation API.
   */
  static Automation.Place placeOf(Object callingUrl) {
    Object url =
        callingUrl instanceof Map<?, ?> starletteUrl ? starletteUrl.get("_url") : callingUrl;
    if (!(url instanceof String text)) {
      return Automation.Place.UNKNOWN;
    }
    // by hand, not java.net.URI: Starlette keeps characters (a space, |, {) that URI refuses
    int start = text.indexOf('?');
    int end = text.indexOf('#', start + 1);
    String query = start < 0 ? "" : text.substring(start + 1, end < 0 ? text.length() : end);
    Map<String, String> parameters = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        try {
          parameters.putIfAbsent(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          // a broken escape leaves that parameter out
        }
      }
    }
    return new Automation.Place(
        parameters.get("city"), parameters.get("region"), parameters.get("country"));
  }

  private static Optional<String> zoneOf(Object timezone) {
    if (timezone instanceof TimeZone tz) {
      return Optional.of(tz.getID());
    }
    if (timezone instanceof Map<?, ?> unknown && unknown.get(ARGS) instanceof Object[] args) {
      // zoneinfo.ZoneInfo and other zone types pickle their IANA key as the first argument
      return args.length > 0 && args[0] instanceof String key ? Optional.of(key) : Optional.empty();
    }
    return Optional.empty();
  }

  /** Pyrolite, accepting what a pickle of another program's objects holds. */
  private static final class TolerantUnpickler extends Unpickler {

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
      if (key == Opcodes.REDUCE) {
        reduce();
        return NO_RETURN_VALUE;
      }
      if (key == Opcodes.BUILD && stack.size() >= 2) {
        Object state = stack.pop();
        if (stack.peek() instanceof ClassDict target) {
          merge(target, state);
          return NO_RETURN_VALUE;
        }
        stack.add(state);
      }
      return super.dispatch(key);
    }

    /** A call of a function: Pyrolite's when it knows the function, else a dictionary holding the arguments. */
    private void reduce() {
      Object[] args = (Object[]) stack.pop();
      IObjectConstructor function = (IObjectConstructor) stack.pop();
      Object made;
      try {
        made = function.construct(args);
      } catch (PickleException | IllegalArgumentException | ClassCastException e) {
        ClassDict unknown = new ClassDict("", "unknown");
        unknown.put(ARGS, args);
        made = unknown;
      }
      stack.add(made);
    }

    /** A state given as a dictionary, or as a (dictionary, slots) pair. */
    private static void merge(ClassDict target, Object state) {
      if (state instanceof Map<?, ?> map) {
        map.forEach((k, v) -> target.put(String.valueOf(k), v));
      } else if (state instanceof Object[] parts) {
        for (Object part : parts) {
          merge(target, part);
        }
      } else if (state instanceof Collection<?> parts) {
        parts.forEach(part -> merge(target, part));
      }
    }
  }
}
