package io.github.lookersession.test;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Requests selected by HTTP method and path suffix, written as {@code "PATCH /session"},
 * {@code "* /login"} for any method, or {@code "*"} for every request.
 *
 * @param method the upper-case HTTP method, or {@code null} for any method
 * @param pathSuffix the suffix that the request path must end with, starting with
 * {@code /}, or an empty string for any path
 */
record EndpointPattern(@Nullable String method, String pathSuffix) {

	static final EndpointPattern ANY = new EndpointPattern(null, "");

	static EndpointPattern parse(String endpoint) {
		String trimmed = endpoint.trim();
		if (trimmed.equals("*")) {
			return ANY;
		}

		int space = trimmed.indexOf(' ');
		if (space <= 0) {
			throw invalid(endpoint);
		}
		String method = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
		String pathSuffix = trimmed.substring(space + 1).trim();
		if (!pathSuffix.startsWith("/") || pathSuffix.contains(" ") || pathSuffix.contains("?")) {
			throw invalid(endpoint);
		}

		return new EndpointPattern(method.equals("*") ? null : method, pathSuffix);
	}

	boolean matches(String requestMethod, String path) {
		boolean methodMatches = this.method == null || this.method.equalsIgnoreCase(requestMethod);
		return methodMatches && path.endsWith(this.pathSuffix);
	}

	@Override
	public String toString() {
		if (this == ANY || (this.method == null && this.pathSuffix.isEmpty())) {
			return "*";
		}
		return ((this.method != null) ? this.method : "*") + " " + this.pathSuffix;
	}

	private static IllegalArgumentException invalid(String endpoint) {
		return new IllegalArgumentException("Invalid endpoint '" + endpoint
				+ "': expected a method and a path suffix such as 'PATCH /session', '* /login' or '*' for every request");
	}

}
