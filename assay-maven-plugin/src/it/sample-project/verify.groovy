// examples/maven-project: the real model passes the JUnit tests and the suite; the degraded variant fails
// both, and each failure names the measured value, the condition and the group behind it.
def sample = new File(basedir, '../../../../examples/maven-project').canonicalFile
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Reactor Build Order:/)
assert runs.length == 3 : "expected two builds in build.log"
def (passing, degraded) = [runs[1], runs[2]]

assert passing.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0')
assert passing.contains('Credit model gate: PASS')
assert passing.contains('BUILD SUCCESS')

assert degraded.contains('Tests run: 6, Failures: 4, Errors: 0, Skipped: 0')
assert degraded.contains('CreditModelTest.ranksAndCatchesBadRisks:28 Expecting roc_auc on test.csv: measured 0.667 '
        + '(95% CI 0.596-0.732, n=300) to be at least 0.7; worst group: personal_status=female div/dep/mar 0.509 (n=91)')
assert degraded.contains('CreditModelTest.ranksWellForWomen:35 Expecting roc_auc on test.csv where personal_status = '
        + 'female div/dep/mar: measured 0.509 (95% CI 0.372-0.636, n=91) to be at least 0.65')
assert degraded.contains("Assay suite 'Credit model gate'")
assert degraded.contains("fail 'Ranks bad risks above good ones': roc_auc >= 0.7 - Expecting roc_auc on test.csv: measured 0.6668")
assert degraded.contains("fail 'Ranks well for every status': min(roc_auc[*]) >= 0.65 - Expecting min(roc_auc[*]) on test.csv: "
        + 'measured 0.5091 (2 members) to be at least 0.65; worst: roc_auc[personal_status=female div/dep/mar] 0.5091 (n=91)')
assert degraded.contains('BUILD FAILURE')
def pluginFailure = degraded.substring(degraded.indexOf('Failed to execute goal dev.assay:assay-maven-plugin'))
assert !pluginFailure.contains("\tat ") : "no stack trace from the plugin"

// Both runs' reports stay side by side for `assay diff`.
def json = new groovy.json.JsonSlurper()
assert json.parse(new File(sample, 'target/assay/credit-model-gate/report.json')).status == 'pass'
assert json.parse(new File(sample, 'target/assay-degraded/credit-model-gate/report.json')).status == 'fail'
