package dev.assay.core.progress;

/**
 * Where long work reports how far it is, e.g. a suite its checks one by one. The library reports to
 * {@link #NONE} unless a caller passes another; the command line passes a terminal display
 * only when it writes to a terminal. Implementations must accept calls from several threads.
 */
public interface Progress {
    /** Reports nowhere. */
    Progress NONE = new Progress() {
        @Override
        public void begin(String task, int total) {
        }

        @Override
        public void advance(String item) {
        }

        @Override
        public void end() {
        }
    };

    /** Work of {@code total} units starts, e.g. {@code begin("checks", 12)}; 0 when the units are not counted. */
    void begin(String task, int total);

    /** One unit is done, {@code item} naming it (may be null). */
    void advance(String item);

    /** The work is over: whatever was shown is cleared. */
    void end();
}
