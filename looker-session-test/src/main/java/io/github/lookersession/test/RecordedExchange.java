package io.github.lookersession.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request that a {@link FakeLooker} received and the response it sent, as they
 * crossed the wire, for {@linkplain FakeLooker#addExchangeListener exchange listeners}
 * such as a contract check against the Looker OpenAPI specification.
 *
 * <p>
 * Header maps look up names case-insensitively and keep every value of a repeated header.
 * The response headers are those the fake set, among them {@code Content-Type} when the
 * response has one; the headers that Reactor Netty adds while writing, such as
 * {@code Content-Length}, are not included.
 *
 * <p>
 * NOTE: the access tokens and client secrets of the fake travel in these requests and
 * responses. They are test values, but a listener that logs an exchange prints them.
 *
 * @param method the upper-case HTTP method, such as {@code PATCH}
 * @param uri the request URI as sent, with the path and the raw query, such as
 * {@code /api/4.0/login}
 * @param apiVersion {@code 4.0} or {@code 3.1}, or {@code null} for a path outside both
 * API roots
 * @param requestHeaders the request headers
 * @param requestBody the request body decoded as UTF-8, empty if there is none
 * @param status the HTTP status of the response, or 0 if the fake closed the connection
 * without one
 * @param responseHeaders the response headers that the fake set
 * @param responseBody the response body decoded as UTF-8, empty if there is none
 * @param faultInjected whether the response came from an injected {@link Fault}
 */
public record RecordedExchange(String method, String uri, @Nullable String apiVersion,
		Map<String, List<String>> requestHeaders, String requestBody, int status,
		Map<String, List<String>> responseHeaders, String responseBody, boolean faultInjected) {

	/**
	 * Returns the request path without the query, such as {@code /api/4.0/session}.
	 * @return the path
	 */
	public String path() {
		int query = this.uri.indexOf('?');
		return (query >= 0) ? this.uri.substring(0, query) : this.uri;
	}

	/**
	 * Returns the first value of a request header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the request has no such header
	 */
	public @Nullable String requestHeader(String name) {
		List<String> values = this.requestHeaders.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Returns the first value of a response header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the response has no such header
	 */
	public @Nullable String responseHeader(String name) {
		List<String> values = this.responseHeaders.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	@Override
	public String toString() {
		return "RecordedExchange[" + this.method + " " + path() + " -> " + this.status
				+ (this.faultInjected ? " (injected fault)" : "") + "]";
	}

}
