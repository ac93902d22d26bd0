package dev.assay.server;

/**
 * One section of the model page, rendered from the {@link ModelOverview} as escaped HTML (empty when it has
 * nothing to show). The page lists its sections in {@link DashboardPages#SECTIONS}: adding one is one line.
 */
interface DashboardSection {
    String html(ModelOverview m);
}
