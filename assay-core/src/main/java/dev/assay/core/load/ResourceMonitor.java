package dev.assay.core.load;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples the resources of a process and of this JVM during a run, into a {@link ResourceUse}. */
final class ResourceMonitor {
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private final long startWall = System.nanoTime();
    private final double startCpu;
    private final long startJvmCpu = jvmCpuNanos();
    private final long startGcCount = gcCount();
    private final long startGcMillis = gcMillis();
    private double maxRssMb = Double.NaN;
    private double maxHeapMb;

    /** @param pid the target process, or -1 for none */
    ResourceMonitor(long pid) {
        this.pid = pid;
        this.startCpu = cpuSeconds(pid);
        sample();
    }

    /** Takes the memory figures now; called by one thread at a time. */
    synchronized void sample() {
        double rss = rssMb(pid);
        if (!Double.isNaN(rss)) {
            maxRssMb = Double.isNaN(maxRssMb) ? rss : Math.max(maxRssMb, rss);
        }
        Runtime r = Runtime.getRuntime();
        maxHeapMb = Math.max(maxHeapMb, (r.totalMemory() - r.freeMemory()) / 1048576.0);
    }

    /** The figures from the start until now. */
    synchronized ResourceUse finish() {
        sample();
        double wall = (System.nanoTime() - startWall) / 1e9;
        double cpu = cpuSeconds(pid);
        long jvm = jvmCpuNanos();
        return new ResourceUse(pid, 100 * (cpu - startCpu) / wall, maxRssMb,
                jvm < 0 ? Double.NaN : 100 * (jvm - startJvmCpu) / 1e9 / wall, maxHeapMb, gcCount() - startGcCount,
                gcMillis() - startGcMillis);
    }

    private static double cpuSeconds(long pid) {
        if (pid < 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double rssMb(long pid) {
        if (pid < 0) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
