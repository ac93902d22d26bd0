// A missing suite file and an unknown label column: one readable line each, no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains("Assay suite could not run: Suite file not found: ${basedir}/missing.yaml")
assert log.contains("Assay suite could not run: ${basedir}/suite.yaml line 4: columns.label: Unknown column 'klass'")
assert log.contains("Did you mean 'class'?")
assert !log.contains("\tat ") : "no stack trace"
