/** Progress of long work ({@link dev.assay.core.progress.Progress}), reported to nowhere unless a caller asks. */
package dev.assay.core.progress;
