package dev.muara.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of the architecture, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses MUARA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.muara");

    @Test
    void the_spi_depends_on_the_jdk_only() {
        noClasses().that().resideInAPackage("dev.muara.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.muara.api..", "java..")
                .check(MUARA);
    }

    @Test
    void connectors_depend_on_the_spi_and_formats_never_on_the_engine_or_each_other() {
        noClasses().that().resideInAPackage("dev.muara.connector..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.muara.core..", "dev.muara.cli..")
                .check(MUARA);
        noClasses().that().resideInAPackage("dev.muara.connector.file..")
                .should().dependOnClassesThat().resideInAPackage("dev.muara.connector.duckdb..")
                .check(MUARA);
        noClasses().that().resideInAPackage("dev.muara.connector.duckdb..")
                .should().dependOnClassesThat().resideInAPackage("dev.muara.connector.file..")
                .check(MUARA);
    }

    @Test
    void transforms_depend_on_the_spi_and_formats_only() {
        noClasses().that().resideInAPackage("dev.muara.transforms..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.muara.core..", "dev.muara.cli..",
                        "dev.muara.connector..")
                .check(MUARA);
    }

    @Test
    void nothing_but_the_command_line_depends_on_a_connector() {
        noClasses().that().resideInAnyPackage("dev.muara.core..", "dev.muara.api..", "dev.muara.formats..")
                .should().dependOnClassesThat().resideInAPackage("dev.muara.connector..")
                .check(MUARA);
        noClasses().that().resideInAPackage("dev.muara.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.muara.connector..")
                .check(MUARA);
    }
}
