package io.github.lookersession;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * Signals that Looker returned 429 Too Many Requests.
 */
public class LookerRateLimitException extends LookerApiException {

	private final @Nullable Duration retryAfter;

	/**
	 * Creates a rate-limit exception.
	 * @param message description of what failed and what to do
	 * @param statusCode HTTP status of the response
	 * @param lookerMessage {@code message} field of Looker's error body, if any
	 * @param documentationUrl {@code documentation_url} field of Looker's error body, if
	 * any
	 * @param retryAfter delay from the {@code Retry-After} header, or {@code null} if the
	 * response had none
	 * @param method method of the rejected request
	 * @param path path of the rejected request without query
	 */
	public LookerRateLimitException(String message, HttpStatusCode statusCode, @Nullable String lookerMessage,
			@Nullable String documentationUrl, @Nullable Duration retryAfter, @Nullable HttpMethod method,
			@Nullable String path) {
		super(message, statusCode, lookerMessage, documentationUrl, List.of(), method, path, null);
		this.retryAfter = retryAfter;
	}

	/**
	 * Returns the delay that Looker asked for before the next attempt.
	 * @return the delay, or {@code null} if the response had no {@code Retry-After}
	 * header
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
