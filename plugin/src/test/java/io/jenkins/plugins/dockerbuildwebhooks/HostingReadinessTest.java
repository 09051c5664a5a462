package io.jenkins.plugins.dockerbuildwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What jenkinsci hosting expects of a plugin repository, checked so that it stays true: the
 * licence the POM declares is the one in LICENSE, the repository files hosting asks for exist, and
 * ci.jenkins.io builds on the JDKs the 2.541.x line supports while the code stays on release 17.
 * Runs without Jenkins (the module directory is the working directory under Maven).
 */
class HostingReadinessTest {
    private static final Path ROOT = Path.of("..");

    private static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
    }

    @Test
    void shouldShipTheLicenceThePomDeclares() throws IOException {
        Matcher name = Pattern.compile("<license>\\s*<name>([^<]+)</name>").matcher(read("plugin/pom.xml"));
        assertThat(name.find()).as("plugin/pom.xml declares a licence").isTrue();
        assertThat(name.group(1)).isEqualTo("MIT License");
        assertThat(read("LICENSE")).startsWith("MIT License").contains("Permission is hereby granted, free of charge");
    }

    @Test
    void shouldHaveTheFilesHostingAsksFor() throws IOException {
        assertThat(read(".github/CODEOWNERS")).contains("@jenkinsci/docker-build-webhooks-plugin-developers");
        assertThat(read(".github/workflows/jenkins-security-scan.yml"))
                .contains("jenkins-infra/jenkins-security-scan/.github/workflows/jenkins-security-scan.yaml");
        assertThat(read(".github/dependabot.yml")).contains("package-ecosystem: maven")
                .contains("package-ecosystem: github-actions");
    }

    @Test
    void shouldBuildOnJdk21And25() throws IOException {
        String jenkinsfile = read("Jenkinsfile");
        assertThat(jenkinsfile).contains("buildPlugin(").contains("jdk: 21").contains("jdk: 25");
        assertThat(Pattern.compile("jdk:\\s*17\\b").matcher(jenkinsfile).find()).as("no JDK 17 build").isFalse();
    }

    @Test
    void shouldKeepTheCodeOnRelease17ForThe2541Line() throws IOException {
        // The plugin POM's default is 17; overriding it would lock 2.541.x controllers on Java 17 out.
        assertThat(read("plugin/pom.xml")).doesNotContain("maven.compiler.release").contains("<jenkins.baseline>2.541</jenkins.baseline>");
        assertThat(read("pom.xml")).contains("<maven.compiler.release>17</maven.compiler.release>");
    }
}
