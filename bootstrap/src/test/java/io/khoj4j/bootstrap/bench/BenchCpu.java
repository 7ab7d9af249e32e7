package io.khoj4j.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the server's JVM, by every PostgreSQL process (including the backends that already
 * exited, which the postmaster has reaped), by this benchmark's JVM, and by the whole machine.
 */
record BenchCpu(
    double server, double postgres, double bench, double machineBusy, double machineAll) {

  static final BenchCpu NONE = new BenchCpu(0, 0, 0, 0, 0);

  /** Linux reports process times in ticks of 1/100 s on every common architecture. */
  static final double TICK = 0.01;

  static BenchCpu read(long serverPid) throws Exception {
    double postgres = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc :
          procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String comm = Files.readString(proc.resolve("comm")).strip();
          if (comm.equals("postgres")) {
            long[] t = times(proc);
            long parent = t[4];
            boolean postmaster =
                !Files.readString(Path.of("/proc/" + parent + "/comm")).strip().equals("postgres");
            postgres += (t[0] + t[1] + (postmaster ? t[2] + t[3] : 0)) * TICK;
          }
        } catch (java.io.IOException gone) {
          // the process ended while being read
        }
      }
    }
    long[] server = times(Path.of("/proc/" + serverPid));
    String[] all = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < Math.min(all.length, 9); i++) {
      total += Long.parseLong(all[i]);
    }
    long idle = Long.parseLong(all[4]) + Long.parseLong(all[5]);
    double bench = ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
    return new BenchCpu(
        (server[0] + server[1]) * TICK, postgres, bench, (total - idle) * TICK, total * TICK);
  }

  /** CPU seconds of each of a process's threads, keyed by thread id and name. */
  static Map<String, Double> threads(long pid) throws Exception {
    Map<String, Double> cpu = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          long[] t = times(task);
          cpu.put(
              task.getFileName() + " " + Files.readString(task.resolve("comm")).strip(),
              (t[0] + t[1]) * TICK);
        } catch (java.io.IOException gone) {
          // the thread ended while being read
        }
      }
    }
    return cpu;
  }

  /**
   * The CPU seconds threads used between two readings of {@link #threads}, summed by name with numbers taken out
   * ({@code executor-thread-12} counts as {@code executor-thread}); {@link #listed} orders them.
   */
  static Map<String, Double> byGroup(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> groups = new HashMap<>();
    after.forEach((key, seconds) -> {
      String group =
          key.substring(key.indexOf(' ') + 1).replaceAll("[#\\d-]+$", "").replaceAll("\\d+", "N");
      groups.merge(group, seconds - before.getOrDefault(key, 0.0), Double::sum);
    });
    return groups;
  }

  /**
   * Groups of {@link #byGroup} at or above {@code atLeast} once multiplied by {@code scale}, as "name value" in
   * {@code format}, largest first.
   */
  static String listed(Map<String, Double> groups, double scale, double atLeast, String format) {
    return groups.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .filter(e -> e.getValue() * scale >= atLeast)
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, format, e.getValue() * scale))
        .collect(Collectors.joining(", "));
  }

  /** utime, stime, cutime, cstime and the parent's pid of a process. */
  static long[] times(Path proc) throws java.io.IOException {
    String stat = Files.readString(proc.resolve("stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {
      Long.parseLong(f[11]),
      Long.parseLong(f[12]),
      Long.parseLong(f[13]),
      Long.parseLong(f[14]),
      Long.parseLong(f[1])
    };
  }

  BenchCpu minus(BenchCpu before) {
    return new BenchCpu(
        server - before.server,
        postgres - before.postgres,
        bench - before.bench,
        machineBusy - before.machineBusy,
        machineAll - before.machineAll);
  }

  BenchCpu plus(BenchCpu other) {
    return new BenchCpu(
        server + other.server,
        postgres + other.postgres,
        bench + other.bench,
        machineBusy + other.machineBusy,
        machineAll + other.machineAll);
  }

  /** CPU seconds of everything else on the machine: the kernel, other processes. */
  double rest() {
    return machineBusy - server - postgres - bench;
  }

  /** How busy the machine was, and the milliseconds of CPU each part took per request served. */
  String perRequest(long requests) {
    return String.format(
        Locale.ROOT,
        "machine busy %.0f %%; CPU ms per request: server %.2f, PostgreSQL %.2f, this benchmark %.2f, rest %.2f,"
            + " all %.2f",
        100 * machineBusy / machineAll,
        1000 * server / requests,
        1000 * postgres / requests,
        1000 * bench / requests,
        1000 * rest() / requests,
        1000 * machineBusy / requests);
  }

  String describe(double seconds) {
    return String.format(
        Locale.ROOT,
        "seconds: server %.1f, PostgreSQL %.1f, this benchmark %.1f, rest of the"
            + " machine %.1f; machine busy %.0f %% of %.1f s on %d cores",
        server,
        postgres,
        bench,
        rest(),
        100 * machineBusy / machineAll,
        seconds,
        Runtime.getRuntime().availableProcessors());
  }
}
