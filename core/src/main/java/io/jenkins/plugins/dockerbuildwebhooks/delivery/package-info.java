/**
 * Sends webhook bodies: concurrently ({@link io.jenkins.plugins.dockerbuildwebhooks.delivery.Dispatcher}),
 * signed ({@link io.jenkins.plugins.dockerbuildwebhooks.delivery.StandardWebhooksSigner},
 * {@link io.jenkins.plugins.dockerbuildwebhooks.delivery.HubSignature256Signer}), retried
 * ({@link io.jenkins.plugins.dockerbuildwebhooks.delivery.RetryPolicy}), only to addresses the SSRF guard
 * accepts ({@link io.jenkins.plugins.dockerbuildwebhooks.delivery.AddressPolicy}), and journalled
 * ({@link io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal}).
 *
 * <p>Callers build {@link io.jenkins.plugins.dockerbuildwebhooks.delivery.Endpoint}s and
 * {@link io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery} values and get
 * {@link io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult}s back; expected failures are
 * results, never exceptions. The package knows nothing about payloads: it sends bytes.
 * User documentation: {@code docs/delivery.md} and {@code docs/security.md}.
 */
package io.jenkins.plugins.dockerbuildwebhooks.delivery;
