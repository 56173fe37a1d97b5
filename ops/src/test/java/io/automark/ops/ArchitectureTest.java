package io.automark.ops;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of style.md, habit 12, checked on the compiled classes of every module. A rule that
 * matches no class fails (ArchUnit's default), so a module missing from the class path cannot pass unnoticed.
 */
class ArchitectureTest {

    private static JavaClasses automark;

    @BeforeAll
    static void importClasses() {
        automark = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.automark");
    }

    @Test
    void theCommandSideNeverDependsOnTheQuerySide() {
        noClasses().that().resideInAPackage("io.automark.command..")
                .should().dependOnClassesThat().resideInAPackage("io.automark.query..")
                .check(automark);
    }

    @Test
    void theQuerySideNeverDependsOnTheCommandSide() {
        noClasses().that().resideInAPackage("io.automark.query..")
                .should().dependOnClassesThat().resideInAPackage("io.automark.command..")
                .check(automark);
    }

    @Test
    void theSharedEventsDependOnNothingButTheJdkAndAxonsRevision() {
        classes().that().resideInAPackage("io.automark.events..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.automark.events..", "org.axonframework.serialization..")
                .check(automark);
    }

    @Test
    void noBusinessCodeDependsOnOps() {
        noClasses().that().resideInAnyPackage("io.automark.command..", "io.automark.query..", "io.automark.events..")
                .should().dependOnClassesThat().resideInAPackage("io.automark.ops..")
                .check(automark);
    }
}
