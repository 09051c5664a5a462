package io.jenkins.plugins.dockerbuildwebhooks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {

    static List<String> lines(String input) throws IOException {
        List<String> out = new ArrayList<>();
        new LineScanner((b, o, n) -> out.add(new String(b, o, n, StandardCharsets.UTF_8)))
                .scan(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void shouldSplitOnLineFeedCarriageReturnAndBoth() throws IOException {
        assertThat(lines("a\nb\r\nc\rd")).containsExactly("a", "b", "", "c", "d");
    }

    @Test
    void shouldDropAnsiEscapes() throws IOException {
        assertThat(lines("\u001b[34m => => naming to x:1\u001b[0m\n\u001b[1A\u001b[2Kdone\n\u001b]0;title\u0007t\n"))
                .containsExactly(" => => naming to x:1", "done", "t");
    }

    @Test
    void shouldDropTextHiddenAsJenkinsConsoleNote() throws IOException {
        assertThat(lines("\u001b[8mha:////4AAAABase64==\u001b[0mSuccessfully built abc\n"))
                .containsExactly("Successfully built abc");
    }

    @Test
    void shouldKeepTheFirstEightKibibytesOfALongLine() throws IOException {
        String longLine = "x".repeat(LineScanner.MAX_LINE * 3);
        List<String> out = lines(longLine + "\nnext\n");
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).hasSize(LineScanner.MAX_LINE);
        assertThat(out.get(1)).isEqualTo("next");
    }

    @Test
    void shouldJoinLinesSplitAcrossReads() {
        List<String> out = new ArrayList<>();
        LineScanner scanner = new LineScanner((b, o, n) -> out.add(new String(b, o, n, StandardCharsets.UTF_8)));
        byte[] bytes = "first line\nsec\u001b[1mond\nthird".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            scanner.feed(bytes, i, 1);
        }
        scanner.finish();
        assertThat(out).containsExactly("first line", "second", "third");
        assertThat(scanner.bytesScanned()).isEqualTo(bytes.length);
    }

    @Test
    void shouldNotLetABrokenEscapeSwallowTheLineEnd() throws IOException {
        assertThat(lines("a\u001b[12\nb\n")).containsExactly("a", "b");
    }
}
