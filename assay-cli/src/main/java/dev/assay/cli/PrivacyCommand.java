package dev.assay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assay privacy}: privacy tests of data and models; the tests are its subcommands. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "Privacy tests of models and data.",
        subcommands = {MembershipInferenceCommand.class})
final class PrivacyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use 'assay privacy mia'.");
    }
}
