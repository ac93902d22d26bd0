// failOnWarning: a failed warning-level condition fails the build, and the message names it.
def log = new File(basedir, 'build.log').text
assert log.contains("Assay suite 'Credit model gate'")
assert log.contains("has warnings (failOnWarning is set):")
assert log.contains("warn 'Recall for single men': recall >= 0.9 - Expecting recall")
assert !log.contains("\tat ") : "no stack trace"
