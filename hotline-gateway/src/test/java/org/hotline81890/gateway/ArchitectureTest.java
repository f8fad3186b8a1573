package org.hotline81890.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md: the domain knows no framework, no protocol, no database. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotline81890");
    }

    @Test
    void theDomainModulesAndTheWorkOrderCoreShouldUseNoFrameworkOrProtocolLibrary() {
        noClasses().that().resideInAnyPackage("org.hotline81890.directory..", "org.hotline81890.partners..",
                        "org.hotline81890.gateway.workorder..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..", "javax.sql..",
                        "org.jsmpp..", "org.asteriskjava..", "com.zaxxer..", "org.flywaydb..", "com.mysql..",
                        "io.micrometer..")
                .check(classes);
    }

    @Test
    void theWorkOrderCoreShouldNotKnowItsAdapters() {
        noClasses().that().resideInAPackage("org.hotline81890.gateway.workorder..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hotline81890.gateway.channel..",
                        "org.hotline81890.gateway.storage..", "org.hotline81890.gateway.delivery..",
                        "org.hotline81890.gateway.schedule..", "org.hotline81890.gateway.cli..")
                .check(classes);
    }

    @Test
    void theDomainModulesShouldNotKnowTheGateway() {
        noClasses().that().resideInAnyPackage("org.hotline81890.directory..", "org.hotline81890.partners..")
                .should().dependOnClassesThat().resideInAPackage("org.hotline81890.gateway..")
                .check(classes);
    }
}
