package dev.assay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of DESIGN.md pointing downwards: cli -> reports, io, models -> core, core
 * importing none of them, no cycle between packages, and the check platform free of the kinds of
 * check built on it. Runs over the main classes of every module (assay-cli sees them all).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // the main classes of the other modules are folders in the IDE and jars under 'mvn verify'
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.assay");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.assay.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.assay.io..", "dev.assay.models..",
                        "dev.assay.report..", "dev.assay.cli..")
                .check(classes);
    }

    @Test
    void theMiddleModulesDoNotDependOnEachOtherOrOnTheCommandLine() {
        noClasses().that().resideInAPackage("dev.assay.io..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.assay.models..", "dev.assay.report..", "dev.assay.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.assay.models..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.assay.io..", "dev.assay.report..", "dev.assay.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.assay.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.assay.io..", "dev.assay.models..", "dev.assay.cli..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.assay.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCheckPlatformKnowsNoKindOfCheck() {
        noClasses().that().resideInAnyPackage("dev.assay.core.check..", "dev.assay.core.suite..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.core.checks..")
                .check(classes);
    }

    @Test
    void aCheckNeverFormatsAReport() {
        noClasses().that().resideInAnyPackage("dev.assay.core..")
                .should().dependOnClassesThat().haveNameMatching(".*(Html|Markdown|Junit|Svg).*")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineEntryPointExitsTheVirtualMachine() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.assay.cli.AssayCommand")
                .should().callMethod(System.class, "exit", int.class)
                .check(classes);
    }
}
