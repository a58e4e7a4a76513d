package io.github.lookersession;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * Signals that Looker rejected the API credentials or an access token. Either the login
 * returned 401, 403 or 404, or a request still returned 401 after a fresh login.
 */
public class LookerAuthenticationException extends LookerApiException {

	/**
	 * Creates an authentication exception.
	 * @param message description of what failed and what to do
	 * @param statusCode HTTP status of the response
	 * @param lookerMessage {@code message} field of Looker's error body, if any
	 * @param documentationUrl {@code documentation_url} field of Looker's error body, if
	 * any
	 * @param method method of the rejected request
	 * @param path path of the rejected request without query
	 */
	public LookerAuthenticationException(String message, @Nullable HttpStatusCode statusCode,
			@Nullable String lookerMessage, @Nullable String documentationUrl, @Nullable HttpMethod method,
			@Nullable String path) {
		super(message, statusCode, lookerMessage, documentationUrl, List.of(), method, path, null);
	}

}
