package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents 1.0 HTTP binding of one event whose data is JSON. Binary mode: the attributes in
 * {@code ce-*} headers, the data as the body, {@code Content-Type: application/json}. Structured
 * mode: one {@code application/cloudevents+json} object with the attributes and the data under
 * {@code data}.
 *
 * <p>Header values are written as they are, without the binding's percent-encoding of {@code %}:
 * the SDKs for Go, Java and JavaScript neither encode nor decode (cloudevents/spec#1397), so a
 * purl's {@code %2F} encoded as {@code %252F} would reach their users changed. The values here
 * are printable ASCII without spaces or quotes (event sources are checked for that), so nothing
 * else would need encoding.
 */
final class CloudEventsBinding {
    static final String SPEC_VERSION = "1.0";
    static final String STRUCTURED_TYPE = "application/cloudevents+json";

    private CloudEventsBinding() {}

    /** The attributes this project sets: the required four, {@code subject} and {@code time}. */
    record Attributes(String id, String source, String type, String subject, String time) {}

    static Message message(CloudEventsMode mode, String label, Attributes a, JsonWriter.Body data) {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        if (mode == CloudEventsMode.BINARY) {
            headers.put(Message.CONTENT_TYPE, DockerHubFormat.JSON);
            headers.put("ce-specversion", SPEC_VERSION);
            headers.put("ce-id", a.id());
            headers.put("ce-source", a.source());
            headers.put("ce-type", a.type());
            headers.put("ce-subject", a.subject());
            headers.put("ce-time", a.time());
            body = JsonWriter.toBytes(false, data);
        } else {
            headers.put(Message.CONTENT_TYPE, STRUCTURED_TYPE);
            body = JsonWriter.toBytes(false, w -> {
                w.startObject()
                        .field("specversion", SPEC_VERSION)
                        .field("id", a.id())
                        .field("source", a.source())
                        .field("type", a.type())
                        .field("subject", a.subject())
                        .field("time", a.time())
                        .field("datacontenttype", DockerHubFormat.JSON);
                w.name("data");
                data.write(w);
                w.endObject();
            });
        }
        return new Message(a.id(), label, body, headers);
    }
}
