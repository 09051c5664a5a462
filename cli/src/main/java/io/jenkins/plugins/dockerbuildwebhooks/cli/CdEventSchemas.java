package io.jenkins.plugins.dockerbuildwebhooks.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a CDEvent against the official JSON schema of its spec version and event type, bundled
 * under {@code cdevents/} (0.4.1 and 0.5.1, the artifact events), with networknt's draft 2020-12
 * validator and format assertions on. The schemas' {@code $id}s ({@code https://cdevents.dev/<v>/schema/...})
 * resolve to the bundled files, so nothing is fetched. (networknt reads Jackson trees, so this class
 * uses Jackson directly; core keeps it in its json package.)
 */
final class CdEventSchemas {
    private static final String ID_PREFIX = "https://cdevents.dev/";
    private static final Pattern TYPE = Pattern.compile("dev\\.cdevents\\.([a-z]+)\\.([a-z]+)\\.[0-9.]+(-draft)?");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(CdEventSchemas::bundled));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** What the check found. */
    record Result(Outcome outcome, List<String> problems) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    enum Outcome { VALID, INVALID, NO_SCHEMA }

    /** Checks a CDEvent's JSON (bytes as received). */
    Result check(byte[] event) {
        JsonNode node;
        try {
            node = MAPPER.readTree(event);
        } catch (IOException e) {
            return new Result(Outcome.INVALID, List.of("not JSON: " + e.getMessage()));
        }
        JsonNode context = node.path("context");
        String version = context.path("specversion").asText(context.path("version").asText(""));
        String type = context.path("type").asText("");
        Matcher m = TYPE.matcher(type);
        if (!m.matches()) {
            return new Result(Outcome.INVALID, List.of("context.type \"" + type + "\" is not a CDEvents event type"));
        }
        String file = version + "/" + m.group(1) + m.group(2) + ".json";
        if (CdEventSchemas.class.getResource("cdevents/" + file) == null) {
            return new Result(Outcome.NO_SCHEMA, List.of("no schema bundled for " + type + " in spec " + version
                    + " (bundled: the artifact events of 0.4.1 and 0.5.1)"));
        }
        Schema schema = schemas.computeIfAbsent(file, this::load);
        List<String> problems = schema.validate(node).stream().map(Error::toString).toList();
        return new Result(problems.isEmpty() ? Outcome.VALID : Outcome.INVALID, problems);
    }

    /** The schema in the bundled {@code file}, registered under its own {@code $id}. */
    private Schema load(String file) {
        try (InputStream in = CdEventSchemas.class.getResourceAsStream("cdevents/" + file)) {
            JsonNode node = MAPPER.readTree(in);
            return registry.getSchema(SchemaLocation.of(node.path("$id").asText()), node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled schema " + file, e);
        }
    }

    /** The bundled file of a schema {@code $id}, or null for an id that is not bundled. */
    private static String bundled(String id) {
        if (!id.startsWith(ID_PREFIX)) {
            return null;
        }
        String rest = id.substring(ID_PREFIX.length());
        int slash = rest.indexOf("/schema/");
        if (slash < 0) {
            return null;
        }
        String version = rest.substring(0, slash);
        String path = rest.substring(slash + "/schema/".length());
        String file = path.startsWith("links/") ? path : path.replace("-event", "").replace("-", "");
        try (InputStream in = CdEventSchemas.class.getResourceAsStream("cdevents/" + version + "/" + file + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
