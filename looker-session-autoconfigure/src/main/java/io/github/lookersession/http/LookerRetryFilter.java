package io.github.lookersession.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * {@link ExchangeFilterFunction} that retries Looker calls with bounded exponential
 * backoff.
 *
 * <p>
 * Retried responses are 429, 502, 503 and 504, and connection failures (refused, reset,
 * closed before the response). Timeouts, TLS failures and every other status are not
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
		Mono<ClientResponse> once = Mono.defer(() -> next.exchange(request))
			.onErrorMap(LookerRequestFailures::isRequestFailure, (ex) -> LookerRequestFailures.toException(request, ex));
		if (this.policy.maxAttempts() == 1 || !isRetryable(request)) {
			return once;
		}
		return Mono.defer(() -> {
			AtomicInteger attempts = new AtomicInteger();
			return once.doOnSubscribe((subscription) -> attempts.incrementAndGet())
				.flatMap((response) -> retryIfAllowed(response, attempts.get()))
				.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> delayOrFail(request,
						signal.failure(), attempts.get()))));
		});
	}

	private Mono<ClientResponse> retryIfAllowed(ClientResponse response, int attempt) {
		int status = response.statusCode().value();
		if (attempt >= this.policy.maxAttempts() || !isRetryableStatus(status)) {
			return Mono.just(response);
		}
		Duration retryAfter = (status == 429)
				? LookerResponses.parseRetryAfter(response.headers().asHttpHeaders(), this.clock) : null;
		if (retryAfter != null && retryAfter.compareTo(this.policy.maxBackoff()) > 0) {
			return Mono.just(response);
		}
		return response.releaseBody().then(Mono.error(new RetryableResponse(status, retryAfter)));
	}

	private Mono<Long> delayOrFail(ClientRequest request, Throwable failure, int attempt) {
		Duration delay;
		String reason;
		if (failure instanceof RetryableResponse retryable) {
			delay = (retryable.retryAfter != null) ? retryable.retryAfter : this.policy.backoff(attempt);
			reason = "status " + retryable.status;
		}
		else if (attempt < this.policy.maxAttempts() && LookerRequestFailures.isConnectionFailure(failure)) {
			delay = this.policy.backoff(attempt);
			reason = "a connection failure";
		}
		else {
			return Mono.error(failure);
		}
		logger.info("Retrying Looker request " + request.method() + " " + request.url().getRawPath() + " after "
				+ reason + " in " + delay.toMillis() + " ms (attempt " + (attempt + 1) + " of "
				+ this.policy.maxAttempts() + ")");
		return Mono.delay(delay);
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

	/**
	 * Signals a response that is retried. It never reaches a caller.
	 */
	private static final class RetryableResponse extends RuntimeException {

		private final int status;

		private final @Nullable Duration retryAfter;

		RetryableResponse(int status, @Nullable Duration retryAfter) {
			super("Retryable status " + status, null, false, false);
			this.status = status;
			this.retryAfter = retryAfter;
		}

	}

}
