package dev.assay.junit.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic seeds for tests: the same test name gives the same seed on every machine and run, so a random
 * test fails the same way everywhere; {@code -Dassay.seed=N} replaces every seed to replay a reported failure.
 */
public final class Seeds {
    /** The system property that overrides every seed. */
    public static final String PROPERTY = "assay.seed";

    private Seeds() {
    }

    /**
     * The seed for {@code name} (e.g. the test's class and method): {@code -Dassay.seed} when set, else the 64-bit
     * FNV-1a hash of the name's UTF-8 bytes.
     *
     * @throws IllegalArgumentException when {@code assay.seed} is not a whole number
     */
    public static long of(String name) {
        String fixed = System.getProperty(PROPERTY);
        if (fixed != null && !fixed.isBlank()) {
            try {
                return Long.parseLong(fixed.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + fixed + " is not a whole number; give the seed "
                        + "a failure reported, e.g. -D" + PROPERTY + "=1234.", e);
            }
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }
}
