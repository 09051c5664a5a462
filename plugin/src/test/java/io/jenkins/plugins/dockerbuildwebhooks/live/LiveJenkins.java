package io.jenkins.plugins.dockerbuildwebhooks.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Jenkins for the live check: {@code java -jar jenkins.war} on 127.0.0.1 with a fresh
 * JENKINS_HOME holding the plugin's {@code .hpi} and the plugins it and the check need (the
 * {@code .hpi} files maven-hpi-plugin resolved for the tests), an administrator account and no
 * setup wizard.
 */
final class LiveJenkins implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String PASSWORD = "live-check-password";

    private final LiveProcess process;
    private final String url;
    final Path home;

    private LiveJenkins(LiveProcess process, String url, Path home) {
        this.process = process;
        this.url = url;
        this.home = home;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Jenkins; {@code env} reaches its builds (DOCKER_HOST, the registry).
     *
     * @param plugins the {@code .hpi} files to install
     */
    static LiveJenkins start(Path war, List<Path> plugins, Path dir, Map<String, String> env) throws Exception {
        Path home = Files.createDirectories(dir.resolve("jenkins-home"));
        Path pluginDir = Files.createDirectories(home.resolve("plugins"));
        for (Path hpi : plugins) {
            Files.copy(hpi, pluginDir.resolve(shortName(hpi) + ".jpi"));
        }
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/";
        Path init = Files.createDirectories(home.resolve("init.groovy.d"));
        // The administrator an admin would have created in the setup wizard, and the Jenkins URL
        // (callback URLs and the build links in payloads need it).
        Files.writeString(init.resolve("admin.groovy"), """
                import hudson.security.*
                import jenkins.model.*
                def j = Jenkins.get()
                def realm = new HudsonPrivateSecurityRealm(false)
                realm.createAccount('%s', '%s')
                j.setSecurityRealm(realm)
                def strategy = new FullControlOnceLoggedInAuthorizationStrategy()
                strategy.setAllowAnonymousRead(false)
                j.setAuthorizationStrategy(strategy)
                j.setNumExecutors(2)
                JenkinsLocationConfiguration.get().setUrl('%s')
                j.save()
                """.formatted(ADMIN, PASSWORD, url), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Djenkins.install.runSetupWizard=false", "-Dhudson.model.UpdateCenter.never=true",
                "-Dhudson.model.DownloadService.never=true",
                "-jar", war.toString(), "--httpListenAddress=127.0.0.1", "--httpPort=" + port));
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("JENKINS_HOME", home.toString());
        LiveProcess process = LiveProcess.start("jenkins", dir, environment, command);
        process.await(Pattern.compile("Jenkins is fully up and running"), Duration.ofMinutes(4));
        return new LiveJenkins(process, url, home);
    }

    /**
     * The plugin's id, as Jenkins names its file: the manifest's Short-Name (file names carry a
     * version or not, and ids such as apache-httpcomponents-client-4-api contain digits).
     */
    static String shortName(Path hpi) throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(hpi.toFile())) {
            String name = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Short-Name");
            if (name == null || name.isBlank()) {
                throw new IOException(hpi + " is not a Jenkins plugin: its manifest has no Short-Name");
            }
            return name;
        }
    }

    /** The {@code .hpi} files in {@code dir}. */
    static List<Path> hpis(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".hpi") || p.toString().endsWith(".jpi")).sorted().toList();
        }
    }

    String url(String path) {
        return url + path;
    }

    List<String> log() {
        return process.lines();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
