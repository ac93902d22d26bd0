package dev.assay.core.metrics;

/** Column names and data source, for messages. Array input uses generic names. */
record ColumnNames(String source, String label, String prediction, String score, String weight) {
    static final ColumnNames ARRAYS = new ColumnNames(null, "truth", "predicted", "score", "weight");

    /** "Column 'name' (role) of source", leaving out the role when it is the name and the source when unknown. */
    String column(String name, String role) {
        return "Column '" + name + "'" + (role == null || role.equals(name) ? "" : " (" + role + ")")
                + (source == null ? "" : " of " + source);
    }
}
