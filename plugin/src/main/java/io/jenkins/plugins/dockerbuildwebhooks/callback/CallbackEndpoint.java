package io.jenkins.plugins.dockerbuildwebhooks.callback;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.InvisibleAction;
import hudson.model.UnprotectedRootAction;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/**
 * Receives Docker Hub callback reports at {@code <root URL>/docker-build-webhooks/callback/<token>}.
 *
 * <p>Receivers have no Jenkins account and no CSRF crumb, so this is an
 * {@link UnprotectedRootAction} with a {@link CrumbExclusion} for the callback path only; the
 * per-delivery token is the credential (see docs/security.md, "Callbacks"). Answers are short
 * plain text: 200 recorded, 400/413/415 refused body, 404 unknown token or delivery, 409 already
 * reported.
 */
@Extension
public final class CallbackEndpoint extends InvisibleAction implements UnprotectedRootAction {
    /** The URL name below the Jenkins root. */
    public static final String URL_NAME = "docker-build-webhooks";
    /** The path prefix the crumb exclusion covers, as the servlet's path info starts. */
    static final String CALLBACK_PREFIX = "/" + URL_NAME + "/callback/";

    private static final Logger LOGGER = Logger.getLogger(CallbackEndpoint.class.getName());
    private static final int MAX_TOKEN_CHARS = 1024;

    static {
        // The core constant and this action's URL must agree, or issued callback URLs lead nowhere.
        if (!CallbackUrls.PATH.equals(URL_NAME + "/callback")) {
            throw new ExceptionInInitializerError("callback path mismatch: " + CallbackUrls.PATH);
        }
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * The callback URL for one delivery, or empty when Jenkins has no root URL (receivers could
     * not reach us then).
     */
    public static Optional<String> callbackUrlFor(String deliveryId) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        String root = jenkins == null ? null : jenkins.getRootUrl();
        if (root == null || root.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CallbackUrls.of(root, CallbackSecret.tokens().issue(deliveryId)));
    }

    /** {@code POST /docker-build-webhooks/callback/<token>}. */
    @POST
    public HttpResponse doCallback(StaplerRequest2 req) {
        String token = tokenFrom(req.getRestOfPath());
        Optional<String> deliveryId = token == null ? Optional.empty() : CallbackSecret.tokens().verify(token);
        if (deliveryId.isEmpty()) {
            return text(404, "no such callback\n");
        }
        CallbackReport report;
        try (InputStream body = req.getInputStream()) {
            report = new CallbackParser().parse(req.getContentType(), body);
        } catch (InvalidCallbackException e) {
            LOGGER.log(Level.FINE, "refused callback for delivery {0}: {1}", new Object[] {deliveryId.get(), e.getMessage()});
            return text(e.reason().httpStatus(), e.getMessage() + "\n");
        } catch (IOException e) {
            return text(400, "callback body: could not be read\n");
        }
        CallbackInbox.Acceptance acceptance = deliver(deliveryId.get(), report);
        LOGGER.log(Level.FINE, "callback for delivery {0}: {1} ({2})",
                new Object[] {deliveryId.get(), report.state().wireName(), acceptance});
        switch (acceptance) {
            case RECORDED:
                return text(200, "recorded\n");
            case ALREADY_REPORTED:
                return text(409, "this delivery already has a callback report\n");
            default:
                return text(404, "no such callback\n");
        }
    }

    /** The single path segment after {@code callback/}, or null when the path has another shape. */
    static String tokenFrom(String restOfPath) {
        if (restOfPath == null) {
            return null;
        }
        String token = restOfPath.startsWith("/") ? restOfPath.substring(1) : restOfPath;
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS || token.indexOf('/') >= 0) {
            return null;
        }
        return token;
    }

    /** The first inbox that knows the delivery takes the report. */
    private static CallbackInbox.Acceptance deliver(String deliveryId, CallbackReport report) {
        for (CallbackInbox inbox : ExtensionList.lookup(CallbackInbox.class)) {
            CallbackInbox.Acceptance acceptance = inbox.accept(deliveryId, report);
            if (acceptance != CallbackInbox.Acceptance.UNKNOWN_DELIVERY) {
                return acceptance;
            }
        }
        return CallbackInbox.Acceptance.UNKNOWN_DELIVERY;
    }

    private static HttpResponse text(int status, String text) {
        return new TextResponse(status, text);
    }

    /** A plain-text answer with a status: no HTML page, nothing the sender's input can style. */
    private static final class TextResponse implements HttpResponse {
        private final int status;
        private final String text;

        TextResponse(int status, String text) {
            this.status = status;
            this.text = text;
        }

        @Override
        public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
            rsp.setStatus(status);
            rsp.setContentType("text/plain;charset=UTF-8");
            rsp.setHeader("X-Content-Type-Options", "nosniff");
            PrintWriter writer = rsp.getWriter();
            writer.print(text);
            writer.flush();
        }
    }

    /** Lets receivers POST without a crumb, on the callback path and nowhere else. */
    @Extension
    public static final class CallbackCrumbExclusion extends CrumbExclusion {
        @Override
        public boolean process(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                @NonNull FilterChain chain) throws IOException, ServletException {
            String pathInfo = request.getPathInfo();
            if (pathInfo != null && pathInfo.startsWith(CALLBACK_PREFIX)) {
                chain.doFilter(request, response);
                return true;
            }
            return false;
        }
    }
}
