package io.github.lookersession.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * HTTP response that a {@link FakeLooker} endpoint returns.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} header value, or {@code null} to send none
 * @param body the response body, empty for none
 * @param headers further response headers
 */
record LookerResponse(int status, @Nullable String contentType, byte[] body, Map<String, String> headers) {

	static final String APPLICATION_JSON = "application/json";

	static LookerResponse json(int status, String body) {
		return new LookerResponse(status, APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	static LookerResponse empty(int status) {
		return new LookerResponse(status, null, new byte[0], Map.of());
	}

	static LookerResponse of(Fault fault) {
		return new LookerResponse(fault.status(), fault.contentType(), fault.body(), fault.headers());
	}

}
