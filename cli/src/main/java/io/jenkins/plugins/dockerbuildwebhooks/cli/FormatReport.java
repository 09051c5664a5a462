package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.ReceivedFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code receive} tells about a request's format: which of the four it is, its key fields,
 * what does not conform, and for a CDEvent the verdict of its JSON schema.
 *
 * @param schema null unless the request carried a CDEvent
 */
record FormatReport(ReceivedFormat format, CdEventSchemas.Result schema) {
    /** The schemas are loaded on the first CDEvent only: most runs never see one. */
    private static final class Schemas {
        static final CdEventSchemas INSTANCE = new CdEventSchemas();
    }

    static FormatReport of(Function<String, String> header, byte[] body) {
        ReceivedFormat format = ReceivedFormat.of(header, body);
        CdEventSchemas.Result schema = format.cdEvent() == null ? null : Schemas.INSTANCE.check(format.cdEvent());
        return new FormatReport(format, schema);
    }

    /** For a body that was refused unread. */
    static FormatReport unread(String why) {
        return new FormatReport(new ReceivedFormat(ReceivedFormat.Kind.UNKNOWN, List.of(), List.of(why), null), null);
    }

    /** Problems of the format and of the schema together. */
    List<String> problems() {
        List<String> all = new ArrayList<>(format.problems());
        if (schema != null && schema.outcome() != CdEventSchemas.Outcome.VALID) {
            schema.problems().forEach(p -> all.add("schema: " + p));
        }
        return all;
    }

    /** {@code schema: valid}, {@code schema: INVALID (2)}, or empty when there was no CDEvent. */
    String schemaVerdict() {
        if (schema == null) {
            return "";
        }
        return switch (schema.outcome()) {
            case VALID -> "schema: valid";
            case INVALID -> "schema: INVALID (" + schema.problems().size() + ")";
            case NO_SCHEMA -> "schema: none bundled";
        };
    }

    /** A short line for the terminal: the kind and its most telling field. */
    String line() {
        StringBuilder s = new StringBuilder(format.kind().label());
        for (ReceivedFormat.Field f : format.fields()) {
            if (f.value() != null && (f.name().equals("subject") || f.name().startsWith("events["))) {
                s.append(' ').append(f.value());
                break;
            }
        }
        String verdict = schemaVerdict();
        if (!verdict.isEmpty()) {
            s.append("  ").append(verdict);
        } else if (!format.problems().isEmpty()) {
            s.append("  problems: ").append(format.problems().size());
        }
        return s.toString();
    }

    void write(JsonWriter w) {
        w.startObject().field("kind", format.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .field("label", format.kind().label());
        w.name("fields").startArray();
        for (ReceivedFormat.Field f : format.fields()) {
            w.startArray().value(f.name());
            if (f.value() == null) {
                w.nullValue();
            } else {
                w.value(f.value());
            }
            w.endArray();
        }
        w.endArray();
        w.name("schema");
        if (schema == null) {
            w.nullValue();
        } else {
            w.value(schema.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        w.name("problems").startArray();
        problems().forEach(w::value);
        w.endArray().endObject();
    }
}
