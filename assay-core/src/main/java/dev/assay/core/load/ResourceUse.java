package dev.assay.core.load;

/**
 * Resources used during a run, warm-up included. {@code pid}, {@code cpuPercent} and {@code maxRssMb} describe the
 * target process read from {@code /proc/PID/stat} (utime + stime, at 100 ticks per second) and
 * {@code /proc/PID/status} (VmRSS); they are -1 and NaN when no process is known or {@code /proc} is
 * missing. CPU percent is CPU time over wall time, so 200 means two cores busy. The JVM figures are of
 * this JVM, which is the target for in-process models: heap used at most, garbage collections and
 * their total time.
 */
public record ResourceUse(long pid, double cpuPercent, double maxRssMb, double jvmCpuPercent, double maxHeapMb, long gcCount,
        double gcMillis) {
}
