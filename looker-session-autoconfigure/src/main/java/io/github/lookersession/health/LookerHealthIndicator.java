package io.github.lookersession.health;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerSessionClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link ReactiveHealthIndicator} that reads the Looker API session with
 * {@link LookerSessionClient#getSession()}.
 *
 * <p>
 * The check is an ordinary request of the client, so it sends the current access token.
 * It logs in only when any other request would, such as on first use or when the token
 * expires. Concurrent checks and requests share one login.
 *
 * <p>
 * The status is UP with the details {@code workspace} (the session's
 * {@code workspace_id}), {@code apiVersion} and {@code baseUrl} when Looker returns the
 * session. It is DOWN with the details {@code error}, {@code apiVersion} and
 * {@code baseUrl} when the request fails or takes longer than the timeout. A timeout
 * cancels only the check: a login that the check started runs to its end and serves the
 * next request. Details never contain the client secret or an access token, because the
 * client's exception messages contain neither.
 */
public class LookerHealthIndicator implements ReactiveHealthIndicator {

	private static final Log logger = LogFactory.getLog(LookerHealthIndicator.class);

	private final LookerSessionClient client;

	private final String baseUrl;

	private final String apiVersion;

	private final Duration timeout;

	private final AtomicReference<@Nullable String> lastFailure = new AtomicReference<>();

	/**
	 * Creates a health indicator.
	 * @param client the client whose session is checked
	 * @param baseUrl URL of the Looker instance, reported as the {@code baseUrl} detail
	 * @param apiVersion the Looker API version, reported as the {@code apiVersion} detail
	 * @param timeout upper bound of one check, after which the status is DOWN
	 */
	public LookerHealthIndicator(LookerSessionClient client, String baseUrl, String apiVersion, Duration timeout) {
		Assert.notNull(client, "client cannot be null");
		Assert.hasText(baseUrl, "baseUrl cannot be empty");
		Assert.hasText(apiVersion, "apiVersion cannot be empty");
		Assert.notNull(timeout, "timeout cannot be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		this.client = client;
		this.baseUrl = baseUrl;
		this.apiVersion = apiVersion;
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return this.client.getSession()
			.timeout(this.timeout, Mono.error(this::timedOut))
			.map(this::up)
			.onErrorResume((ex) -> Mono.just(down(ex)));
	}

	private Health up(ApiSession session) {
		recordSuccess();
		Health.Builder builder = Health.up();
		if (session.workspaceId() != null) {
			builder.withDetail("workspace", session.workspaceId());
		}
		return withConnectionDetails(builder).build();
	}

	private Health down(Throwable ex) {
		recordFailure(ex);
		return withConnectionDetails(Health.down(ex)).build();
	}

	private Health.Builder withConnectionDetails(Health.Builder builder) {
		return builder.withDetail("apiVersion", this.apiVersion).withDetail("baseUrl", this.baseUrl);
	}

	private TimeoutException timedOut() {
		return new TimeoutException("Looker health check timed out: GET /session did not complete within "
				+ this.timeout.toMillis() + " ms. Raise management.health.looker.timeout if Looker is slow "
				+ "but working.");
	}

	/**
	 * Logs a failure at WARN when it is the first one or differs from the previous one,
	 * so that a probe that runs every few seconds does not repeat the same line.
	 */
	private void recordFailure(Throwable ex) {
		String message = String.valueOf(ex.getMessage());
		String previous = this.lastFailure.getAndSet(message);
		if (!Objects.equals(previous, message)) {
			logger.warn("Looker health check failed: " + message, logger.isDebugEnabled() ? ex : null);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Looker health check still failing: " + message);
		}
	}

	private void recordSuccess() {
		if (this.lastFailure.getAndSet(null) != null) {
			logger.info("Looker health check succeeded again");
		}
	}

}
