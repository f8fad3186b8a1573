package org.hotline81890.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the README's "How it is built" (ADR 0008): the domain knows no framework, no protocol, no
 * database; driven ports live in the core and storage only implements them; storage and the channels never see each
 * other; only the composition root (wiring) names a MySQL adapter; the gateway's packages form no cycle.
 */
class ArchitectureTest {
    private static final String GATEWAY = "org.hotline81890.gateway";
    /** The core: use cases and the driven ports they declare, in our language. */
    private static final String[] CORE = {GATEWAY + ".workorder..", GATEWAY + ".sms..", GATEWAY + ".voice..",
        GATEWAY + ".dispatch..", GATEWAY + ".callback..", GATEWAY + ".matching..", GATEWAY + ".supervision.."};
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotline81890");
    }

    @Test
    void theDomainModulesAndTheCoreShouldUseNoFrameworkOrProtocolLibrary() {
        noClasses().that().resideInAnyPackage("org.hotline81890.directory..", "org.hotline81890.partners..")
                .or().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..", "javax.sql..",
                        "org.jsmpp..", "org.asteriskjava..", "com.zaxxer..", "org.flywaydb..", "com.mysql..",
                        "io.micrometer..")
                .check(classes);
    }

    @Test
    void theCoreShouldNotKnowItsAdapters() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(GATEWAY + ".channel..", GATEWAY + ".storage..",
                        GATEWAY + ".delivery..", GATEWAY + ".schedule..", GATEWAY + ".cli..", GATEWAY + ".wiring..")
                .check(classes);
    }

    @Test
    void theUseCasesShouldReachStorageOnlyThroughTheirPorts() {
        noClasses().that().resideInAnyPackage(CORE).or().resideInAnyPackage(GATEWAY + ".dispatch..",
                        GATEWAY + ".schedule..", GATEWAY + ".matching..")
                .should().dependOnClassesThat().resideInAnyPackage(GATEWAY + ".storage..", GATEWAY + ".channel..")
                .check(classes);
    }

    @Test
    void storageShouldNotKnowTheChannels() {
        noClasses().that().resideInAPackage(GATEWAY + ".storage..")
                .should().dependOnClassesThat().resideInAPackage(GATEWAY + ".channel..")
                .check(classes);
    }

    @Test
    void theChannelsShouldNotKnowStorage() {
        noClasses().that().resideInAPackage(GATEWAY + ".channel..")
                .should().dependOnClassesThat().resideInAPackage(GATEWAY + ".storage..")
                .check(classes);
    }

    /** The commands reach the database through the composition root ({@code HotlineApp}), never storage itself. */
    @Test
    void theCommandsShouldNotKnowStorage() {
        noClasses().that().resideInAPackage(GATEWAY + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(GATEWAY + ".storage..")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootShouldKnowTheWiring() {
        noClasses().that().resideInAPackage(GATEWAY + ".(*)..").and().resideOutsideOfPackage(GATEWAY + ".wiring..")
                .should().dependOnClassesThat().resideInAPackage(GATEWAY + ".wiring..")
                .check(classes);
    }

    @Test
    void theGatewaysPackagesShouldFormNoCycle() {
        slices().matching(GATEWAY + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theDomainModulesShouldNotKnowTheGateway() {
        noClasses().that().resideInAnyPackage("org.hotline81890.directory..", "org.hotline81890.partners..")
                .should().dependOnClassesThat().resideInAPackage("org.hotline81890.gateway..")
                .check(classes);
    }

    /** Bodies are read per route (ADR 0011): Vert.x's BodyHandler only behind JsonBody, never on the router. */
    @Test
    void onlyTheJsonBodyReaderShouldUseVertxsBodyHandler() {
        noClasses().that().doNotHaveFullyQualifiedName(GATEWAY + ".channel.http.JsonBody")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.vertx.ext.web.handler.BodyHandler")
                .because("a page route takes its form with FormBody.accept and an API route its JSON with "
                        + "JsonBody.accept (channel/http package docs); a router-wide BodyHandler decodes any body "
                        + "sent to any route")
                .check(classes);
    }
}
