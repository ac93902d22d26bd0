package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the commands of the CI snippets in docs/ci.md, exactly as written, with bash in a Git
 * repository whose pull-request branch degrades the model (as in {@link DiffCommandTest}):
 * {@code assay} is this build's command line, {@code gh} and {@code curl} are stubs that record what
 * they were asked to post.
 */
class CiRecipesTest {
    private static final Path DOC = Path.of("../docs/ci.md").toAbsolutePath().normalize();
    private static final String SUITE = """
            suite: credit gate
            data: {current: test.csv}
            columns: {label: class, score: proba_bad, prediction: predicted}
            evaluation: {task: binary, positive: bad}
            checks:
              - name: Catches bad credit risks
                metric: recall
                ci: true
                fail: recall >= 0.25
            """;

    @TempDir
    Path dir;

    private Path work;
    private Path bin;
    private final Map<String, String> env = new LinkedHashMap<>();
    /** Every script run and its output, for the message of a failed assertion. */
    private final StringBuilder transcript = new StringBuilder();

    @BeforeEach
    void repository() throws IOException, InterruptedException {
        bin = Files.createDirectories(dir.resolve("bin"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        script("assay", "exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.assay.cli.AssayCommand \"$@\"");
        script("gh", "echo \"$@\" > '" + dir.resolve("gh.args") + "'");
        script("curl", "printf '%s\\n' \"$@\" > '" + dir.resolve("curl.args") + "'");
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("GIT_AUTHOR_NAME", "ci");
        env.put("GIT_AUTHOR_EMAIL", "ci@example.org");
        env.put("GIT_COMMITTER_NAME", "ci");
        env.put("GIT_COMMITTER_EMAIL", "ci@example.org");

        Path seed = Files.createDirectories(dir.resolve("seed/model"));
        List<String> rows = Files.readAllLines(Path.of(EvaluateCommandTest.resource("/data/german_credit_test_predictions.csv")));
        Files.writeString(seed.resolve("suite.yaml"), SUITE);
        Files.write(seed.resolve("test.csv"), rows);
        Path origin = dir.resolve("origin.git");
        shell(dir, "git init -q --bare -b main origin.git && cd seed && git init -q -b main && git add . "
                + "&& git commit -qm model && git remote add origin '" + origin + "' && git push -q origin main");
        Files.write(seed.resolve("test.csv"), DiffCommandTest.degrade(rows));
        shell(seed.getParent(), "git checkout -q -b pr && git commit -qam 'degraded model' && git push -q origin pr");
        work = dir.resolve("work");
        shell(dir, "git clone -q '" + origin + "' work && cd work && git checkout -q pr");
    }

    @Test
    void theGithubJobFailsOnTheRegressionUploadsTheReportAndComments() throws Exception {
        Map<String, Object> job = job(recipe("github"), "jobs", "assay");
        Map<String, String> vars = new LinkedHashMap<>(env);
        ((Map<?, ?>) job.get("env")).forEach((k, v) -> vars.put(k.toString(), v.toString()));
        vars.put("GH_TOKEN", "token");
        vars.put("PR", "42");
        vars.put("RUNNER_TEMP", Files.createDirectories(dir.resolve("runner-temp")).toString());
        List<Integer> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) job.get("steps")) {
            Map<?, ?> step = (Map<?, ?>) o;
            if (step.containsKey("run")) {
                names.add(String.valueOf(step.get("name")));
                codes.add(run(work, step.get("run").toString(), vars));
            }
        }
        assertThat(names).containsExactly("Run the suite on main (the baseline)", "Run the suite", "Comment on the pull request");
        assertThat(codes).as(transcript::toString).containsExactly(0, 1, 0);
        assertThat(work.resolve("assay-report/report.html")).isRegularFile();
        assertThat(Files.readString(dir.resolve("gh.args")).trim()).isEqualTo("pr comment 42 --body-file comment.md");
        assertThat(Files.readString(work.resolve("comment.md")))
                .startsWith(Files.readString(work.resolve("assay-report/summary.md")))
                .contains("### credit gate: pass -> fail (REGRESSION)")
                .contains("- Catches bad credit risks: pass -> fail");
    }

    @Test
    void theGitlabJobFailsOnTheRegressionAndPostsANote() throws Exception {
        Map<String, Object> job = job(recipe("gitlab"), "model-gate");
        Map<String, String> vars = new LinkedHashMap<>(env);
        ((Map<?, ?>) job.get("variables")).forEach((k, v) -> vars.put(k.toString(), v.toString()));
        vars.put("CI_PROJECT_DIR", work.toString());
        vars.put("ASSAY_BOT_TOKEN", "token");
        vars.put("CI_API_V4_URL", "https://gitlab.example.org/api/v4");
        vars.put("CI_PROJECT_ID", "7");
        vars.put("CI_MERGE_REQUEST_IID", "42");
        assertThat(run(work, lines(job.get("script")), vars)).as(transcript::toString).isEqualTo(1);
        assertThat(run(work, lines(job.get("after_script")), vars)).as(transcript::toString).isZero();
        assertThat(work.resolve("assay-report/junit.xml")).isRegularFile();
        assertThat(Files.readAllLines(dir.resolve("curl.args"))).contains("PRIVATE-TOKEN: token", "body@comment.md",
                "https://gitlab.example.org/api/v4/projects/7/merge_requests/42/notes");
        assertThat(Files.readString(work.resolve("comment.md"))).contains("### credit gate: pass -> fail (REGRESSION)");
    }

    /** The YAML block after {@code <!-- ci-recipe: NAME -->} in docs/ci.md. */
    private static Map<String, Object> recipe(String name) throws IOException {
        Matcher m = Pattern.compile("<!-- ci-recipe: " + name + " -->\\n```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(DOC));
        assertThat(m.find()).as("recipe " + name + " in " + DOC).isTrue();
        return new Yaml().load(m.group(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> yaml, String... path) {
        Map<String, Object> node = yaml;
        for (String key : path) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }

    private static String lines(Object list) {
        return String.join("\n", ((List<?>) list).stream().map(Object::toString).toList());
    }

    private void script(String name, String body) throws IOException {
        Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void shell(Path in, String command) throws IOException, InterruptedException {
        assertThat(run(in, command, env)).as(transcript::toString).isZero();
    }

    /** Runs a script as the CI services do: bash, stopping at the first failed command. */
    private int run(Path in, String script, Map<String, String> vars) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
                .directory(in.toFile()).redirectErrorStream(true);
        pb.environment().putAll(vars);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        transcript.append("$ ").append(script).append('\n').append(output).append("(exit ").append(code).append(")\n");
        return code;
    }
}
