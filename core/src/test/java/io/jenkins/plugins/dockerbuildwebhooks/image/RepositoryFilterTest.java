package io.jenkins.plugins.dockerbuildwebhooks.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepositoryFilterTest {

    private static RepositoryName repo(String text) {
        return RepositoryName.parse(text);
    }

    @Test
    void shouldAcceptEveryRepositoryWhenEmpty() {
        RepositoryFilter filter = RepositoryFilter.parse("  ");

        assertThat(filter.acceptsAll()).isTrue();
        assertThat(filter.accepts(repo("registry.example.com:5000/a/b/c"))).isTrue();
    }

    @Test
    void shouldMatchFamiliarAndFullNames() {
        RepositoryFilter filter = RepositoryFilter.parse("acme/app, docker.io/library/nginx");

        assertThat(filter.accepts(repo("acme/app"))).isTrue();
        assertThat(filter.accepts(repo("docker.io/acme/app"))).isTrue();
        assertThat(filter.accepts(repo("nginx"))).isTrue();
        assertThat(filter.accepts(repo("acme/other"))).isFalse();
        assertThat(filter.accepts(repo("ghcr.io/acme/app"))).isFalse();
    }

    @Test
    void shouldKeepSingleStarInsideOnePathComponent() {
        RepositoryFilter filter = RepositoryFilter.parse("acme/*");

        assertThat(filter.accepts(repo("acme/app"))).isTrue();
        assertThat(filter.accepts(repo("acme/team/app"))).isFalse();
    }

    @Test
    void shouldLetDoubleStarCrossPathComponents() {
        RepositoryFilter filter = RepositoryFilter.parse("localhost:5000/**\nghcr.io/acme/app-?");

        assertThat(filter.accepts(repo("localhost:5000/team/sub/app"))).isTrue();
        assertThat(filter.accepts(repo("ghcr.io/acme/app-1"))).isTrue();
        assertThat(filter.accepts(repo("ghcr.io/acme/app-10"))).isFalse();
        assertThat(filter.accepts(repo("localhost:5001/team/app"))).isFalse();
    }

    @Test
    void shouldTreatDotsLiterally() {
        RepositoryFilter filter = RepositoryFilter.parse("registry.example.com/app");

        assertThat(filter.accepts(repo("registry-example.com/app"))).isFalse();
    }

    @Test
    void shouldRejectUppercasePatternNamingIt() {
        assertThatThrownBy(() -> RepositoryFilter.parse("acme/App"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"acme/App\"")
                .hasMessageContaining("lower case");
    }
}
