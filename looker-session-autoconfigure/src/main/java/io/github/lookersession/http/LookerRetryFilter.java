package io.github.lookersession.http;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * {@link ExchangeFilterFunction} that retries Looker calls with bounded exponential
 * backoff.
 *
 * <p>
 * Retried responses are 429, 502, 503 and 504, and connection failures (refused, reset,
 * closed before the response, or a full queue of the connection pool, in which case the
 * request was never sent). Timeouts, TLS failures and every other status are not
 * retried. Only requests that are safe to send again are retried: {@code GET} and
 * {@code HEAD}, {@code POST /login} and {@code PATCH /session}.
 *
 * <p>
 * A 429 with a {@code Retry-After} header waits that long. If it is longer than the
 * maximum backoff, the 429 is returned at once so that the caller receives a
 * {@link io.github.lookersession.LookerRateLimitException} with the delay. After the
 * last attempt, the last response or failure is returned as it is.
 *
 * <p>
 * Connection failures reach the caller as {@link io.github.lookersession.LookerApiException}s
 * that name the request, whether or not they were retried.
 */
public final class LookerRetryFilter implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(LookerRetryFilter.class);

	private final LookerRetryPolicy policy;

	private Clock clock = Clock.systemUTC();

	/**
	 * Creates a filter with the given policy.
	 * @param policy the retry policy
	 */
	public LookerRetryFilter(LookerRetryPolicy policy) {
		Assert.notNull(policy, "policy cannot be null");
		this.policy = policy;
	}

	/**
	 * Sets the clock used to read {@code Retry-After} dates.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (this.policy.maxAttempts() == 1 || !isRetryable(request)) {
			return next.exchange(request)
				.onErrorMap(WebClientRequestException.class, (ex) -> LookerRequestFailures.toException(request, ex));
		}
		return exchange(request, next, 1);
	}

	/**
	 * Sends one attempt. A retry is sent from inside this attempt's handlers, so its
	 * response never passes through them again. Its failures reach this attempt's error
	 * handler already mapped to {@code LookerApiException}, which that handler ignores.
	 */
	private Mono<ClientResponse> exchange(ClientRequest request, ExchangeFunction next, int attempt) {
		return next.exchange(request)
			.flatMap((response) -> retryAfterResponse(request, next, response, attempt))
			.onErrorResume(WebClientRequestException.class,
					(ex) -> retryAfterFailure(request, next, ex, attempt));
	}

	private Mono<ClientResponse> retryAfterResponse(ClientRequest request, ExchangeFunction next,
			ClientResponse response, int attempt) {
		int status = response.statusCode().value();
		if (attempt >= this.policy.maxAttempts() || !isRetryableStatus(status)) {
			return Mono.just(response);
		}
		Duration retryAfter = (status == 429)
				? LookerResponses.parseRetryAfter(response.headers().asHttpHeaders(), this.clock) : null;
		if (retryAfter != null && retryAfter.compareTo(this.policy.maxBackoff()) > 0) {
			return Mono.just(response);
		}
		Duration delay = (retryAfter != null) ? retryAfter : this.policy.backoff(attempt);
		return response.releaseBody().then(retry(request, next, attempt, delay, "status " + status));
	}

	private Mono<ClientResponse> retryAfterFailure(ClientRequest request, ExchangeFunction next,
			WebClientRequestException failure, int attempt) {
		if (attempt >= this.policy.maxAttempts() || !LookerRequestFailures.isConnectionFailure(failure)) {
			return Mono.error(LookerRequestFailures.toException(request, failure));
		}
		return retry(request, next, attempt, this.policy.backoff(attempt), "a connection failure");
	}

	private Mono<ClientResponse> retry(ClientRequest request, ExchangeFunction next, int attempt, Duration delay,
			String reason) {
		logger.info("Retrying Looker request " + request.method() + " " + request.url().getRawPath() + " after "
				+ reason + " in " + delay.toMillis() + " ms (attempt " + (attempt + 1) + " of "
				+ this.policy.maxAttempts() + ")");
		return Mono.delay(delay).then(Mono.defer(() -> exchange(request, next, attempt + 1)));
	}

	static boolean isRetryable(ClientRequest request) {
		HttpMethod method = request.method();
		String path = request.url().getRawPath();
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
			return true;
		}
		if (HttpMethod.POST.equals(method)) {
			return path.endsWith("/login");
		}
		return HttpMethod.PATCH.equals(method) && path.endsWith("/session");
	}

	private static boolean isRetryableStatus(int status) {
		return status == 429 || status == 502 || status == 503 || status == 504;
	}

}
