package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import java.io.Serializable;
import java.util.Date;

/**
 * One HTTP attempt as the build page shows it. Stored in the build's XML, so plain fields only;
 * the excerpt is the receiver's text and is escaped wherever it is shown.
 */
public final class AttemptRecord implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Most characters of a response kept per attempt. */
    public static final int EXCERPT_LIMIT = 1024;

    private final int number;
    private final long startedAtMillis;
    private final int status;
    private final String error;
    private final long latencyMillis;
    private final String excerpt;

    public AttemptRecord(int number, long startedAtMillis, int status, String error, long latencyMillis, String excerpt) {
        this.number = number;
        this.startedAtMillis = startedAtMillis;
        this.status = status;
        this.error = error == null ? "" : error;
        this.latencyMillis = latencyMillis;
        String text = excerpt == null ? "" : excerpt;
        this.excerpt = text.length() > EXCERPT_LIMIT ? text.substring(0, EXCERPT_LIMIT) + "…" : text;
    }

    public int getNumber() {
        return number;
    }

    public Date getStartedAt() {
        return new Date(startedAtMillis);
    }

    /** HTTP status, 0 when no answer came. */
    public int getStatus() {
        return status;
    }

    /** What went wrong without an answer (timeout, refused, blocked address); empty otherwise. */
    public String getError() {
        return error;
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }

    public String getExcerpt() {
        return excerpt;
    }

    /** {@code 503} or {@code connection refused}. */
    public String getSummary() {
        return status > 0 ? Integer.toString(status) : error;
    }

    // Equal records let the build skip a save that would write what it already holds.
    @Override
    public boolean equals(Object o) {
        return o instanceof AttemptRecord a && number == a.number && startedAtMillis == a.startedAtMillis
                && status == a.status && latencyMillis == a.latencyMillis && java.util.Objects.equals(error, a.error)
                && java.util.Objects.equals(excerpt, a.excerpt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(number, startedAtMillis, status);
    }
}
