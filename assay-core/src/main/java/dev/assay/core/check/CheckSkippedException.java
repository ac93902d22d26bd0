package dev.assay.core.check;

/**
 * Thrown from {@link MeasuringCheck#measure} when the check does not apply to the data, e.g. a
 * score-based metric when the data has no score column. The check ends {@code SKIPPED} with this
 * message as the reason.
 */
public final class CheckSkippedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckSkippedException(String reason) {
        super(reason);
    }
}
