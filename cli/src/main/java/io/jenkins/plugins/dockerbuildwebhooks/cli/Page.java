package io.jenkins.plugins.dockerbuildwebhooks.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page of {@code receive} and its JSON API. The page is static HTML and script that renders
 * every received value with {@code textContent}; a strict Content-Security-Policy forbids inline
 * script, so even a rendering mistake could not run code from a payload. Requests whose Host is
 * a DNS name other than localhost are refused, so a web site cannot read the deliveries through
 * DNS rebinding.
 */
final class Page {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String[]> ASSETS = Map.of(
            "/", new String[] {"receive/index.html", "text/html; charset=utf-8"},
            Receiver.UI_PREFIX + "app.js", new String[] {"receive/app.js", "text/javascript; charset=utf-8"},
            Receiver.UI_PREFIX + "style.css", new String[] {"receive/style.css", "text/css; charset=utf-8"});
    private static final String API = Receiver.UI_PREFIX + "api/deliveries";
    private static final Pattern BODY = Pattern.compile(Pattern.quote(API) + "/([0-9]{1,18})/body");
    private static final Pattern AFTER = Pattern.compile("(?:^|&)after=([0-9]{1,18})(?:&|$)");
    private static final Pattern IP_HOST = Pattern.compile("\\[[0-9a-fA-F:.]+\\]|[0-9.]+");

    void serve(HttpExchange exchange, DeliveryLog log, ReceiverSettings settings) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        if (!trustedHost(exchange.getRequestHeaders().getFirst("Host"))) {
            send(exchange, 403, "text/plain; charset=utf-8",
                    "receive: open this page by IP address or localhost\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        String[] asset = ASSETS.get(path);
        if (asset != null) {
            send(exchange, 200, asset[1], resource(asset[0]));
            return;
        }
        if (API.equals(path)) {
            long after = after(exchange.getRequestURI().getRawQuery());
            byte[] json = DeliveriesJson.write(log.changedAfter(after), log.lastChange(), log.dropped(), settings);
            send(exchange, 200, "application/json", json);
            return;
        }
        Matcher body = BODY.matcher(path);
        if (body.matches()) {
            Optional<ReceivedDelivery> d = log.get(Long.parseLong(body.group(1)));
            if (d.isPresent()) {
                exchange.getResponseHeaders().set("Content-Disposition",
                        "attachment; filename=\"delivery-" + d.get().seq() + ".body\"");
                send(exchange, 200, "application/octet-stream", d.get().body());
                return;
            }
        }
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
    }

    static boolean trustedHost(String host) {
        if (host == null) {
            return true;
        }
        String name = host.trim();
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end < 0 ? name : name.substring(0, end + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return "localhost".equalsIgnoreCase(name) || IP_HOST.matcher(name).matches();
    }

    private static long after(String query) {
        if (query == null) {
            return 0;
        }
        Matcher m = AFTER.matcher(query);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
