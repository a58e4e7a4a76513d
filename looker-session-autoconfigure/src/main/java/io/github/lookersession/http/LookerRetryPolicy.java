package io.github.lookersession.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.Assert;

/**
 * Bounded exponential backoff for Looker calls.
 *
 * @param maxAttempts total number of attempts, including the first; 1 disables retries
 * @param initialBackoff delay before the second attempt
 * @param maxBackoff upper bound of any delay, including one that Looker requests with
 * {@code Retry-After}
 */
public record LookerRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

	/**
	 * Policy that sends every request once.
	 */
	public static final LookerRetryPolicy NONE = new LookerRetryPolicy(1, Duration.ofMillis(500),
			Duration.ofSeconds(10));

	public LookerRetryPolicy {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.notNull(initialBackoff, "initialBackoff cannot be null");
		Assert.notNull(maxBackoff, "maxBackoff cannot be null");
		Assert.isTrue(!initialBackoff.isNegative() && !initialBackoff.isZero(), "initialBackoff must be positive");
		Assert.isTrue(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff cannot be less than initialBackoff");
	}

	/**
	 * Returns the delay before the given retry: the initial backoff doubled for each
	 * earlier retry, capped at the maximum, and then scaled by a random factor between
	 * 0.5 and 1 so that clients that failed together do not retry together.
	 * @param retry the retry number, 1 for the second attempt
	 * @return the delay
	 */
	public Duration backoff(int retry) {
		long initial = this.initialBackoff.toNanos();
		long max = this.maxBackoff.toNanos();
		int doublings = Math.min(Math.max(retry - 1, 0), 62);
		long exponential = (initial > (max >> doublings)) ? max : Math.min(max, initial << doublings);
		double jitter = 0.5 + ThreadLocalRandom.current().nextDouble() * 0.5;
		return Duration.ofNanos((long) (exponential * jitter));
	}

	/**
	 * Returns the worst-case time of one call under this policy: every attempt taking
	 * the given time and every backoff at its maximum.
	 * @param attemptTime upper bound of one attempt
	 * @return the upper bound of the call
	 */
	public Duration worstCase(Duration attemptTime) {
		return attemptTime.multipliedBy(this.maxAttempts).plus(this.maxBackoff.multipliedBy(this.maxAttempts - 1));
	}

}
