// The degraded model fails the build with the failed condition, the measured value and the report's path.
def log = new File(basedir, 'build.log').text
assert log.contains("Assay suite 'Credit model gate'")
assert log.contains("failed:")
assert log.contains("fail 'Catches bad credit risks': recall >= 0.25 - Expecting recall")
assert log.contains("to be at least 0.25")
assert log.contains("Report: ") && log.contains("credit-model-gate/report.html")
assert !log.contains("\tat ") : "no stack trace"
def junit = new File(basedir, 'target/surefire-reports/TEST-assay-credit-model-gate.xml').text
assert junit.contains('failures="1"') || junit.contains('failures="2"')
