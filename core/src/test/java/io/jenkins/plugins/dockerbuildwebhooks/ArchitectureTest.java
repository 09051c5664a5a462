package io.jenkins.plugins.dockerbuildwebhooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries ARCHITECTURE.md draws, checked on core's compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.dockerbuildwebhooks");

    @Test
    void shouldKeepJenkinsOutOfCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..")
                .because("core must build and run without Jenkins")
                .check(CORE);
    }

    @Test
    void shouldTouchJacksonOnlyInTheJsonPackage() {
        noClasses().that().resideOutsideOfPackage("..dockerbuildwebhooks.json..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .because("one JSON writer (and one reader) keeps the output valid and the dependency swappable")
                .check(CORE);
    }

    @Test
    void shouldKeepHttpOutOfImagesExtractionAndPayloads() {
        noClasses().that().resideInAnyPackage("..dockerbuildwebhooks.image..", "..dockerbuildwebhooks.extract..",
                        "..dockerbuildwebhooks.payload..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..", "java.net.http..")
                .check(CORE);
    }

    @Test
    void shouldLetDeliverySendBytesWithoutKnowingThePayloadModel() {
        noClasses().that().resideInAnyPackage("..dockerbuildwebhooks.delivery..", "..dockerbuildwebhooks.extract..",
                        "..dockerbuildwebhooks.image..", "..dockerbuildwebhooks.callback..")
                .should().dependOnClassesThat().resideInAnyPackage("..dockerbuildwebhooks.payload..")
                .allowEmptyShould(true)
                .check(CORE);
    }
}
