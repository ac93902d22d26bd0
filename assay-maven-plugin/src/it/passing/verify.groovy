// Both suites ran, each into its own folder, and Surefire's folder holds their JUnit XML.
def assay = new File(basedir, 'target/assay')
['credit-model-gate', 'german-credit-release-gate'].each { name ->
    ['report.html', 'report.json', 'junit.xml', 'summary.md'].each { file ->
        assert new File(assay, "$name/$file").isFile() : "missing $name/$file"
    }
    assert new File(basedir, "target/surefire-reports/TEST-assay-${name}.xml").isFile()
}
def json = new groovy.json.JsonSlurper().parse(new File(assay, 'credit-model-gate/report.json'))
assert json.status == 'pass'
def log = new File(basedir, 'build.log').text
assert log.contains('German credit release gate: WARN')
assert log.contains('BUILD SUCCESS')
