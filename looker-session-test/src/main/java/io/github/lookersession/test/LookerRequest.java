package io.github.lookersession.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

/**
 * HTTP request as the {@link FakeLooker} endpoints see it.
 *
 * @param method the upper-case HTTP method
 * @param path the decoded request path without the query
 * @param apiVersion {@code 4.0} or {@code 3.1}, or {@code null} if the path is outside
 * both API roots
 * @param apiPath the path relative to the API root, or the whole path if
 * {@code apiVersion} is {@code null}
 * @param queryParameters the decoded query parameters
 * @param authorization the {@code Authorization} header, or {@code null}
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param body the request body decoded as UTF-8, empty if there is none
 */
record LookerRequest(String method, String path, @Nullable String apiVersion, String apiPath,
		Map<String, List<String>> queryParameters, @Nullable String authorization, @Nullable String contentType,
		String body) {

	static final Set<String> API_VERSIONS = Set.of("4.0", "3.1");

	/**
	 * Creates a request without its body. A URI with invalid percent-encoding keeps its
	 * raw path and gets no query parameters, so it is journaled and gets a {@code 404}
	 * response like any unknown path.
	 */
	static LookerRequest from(HttpServerRequest request) {
		String path;
		Map<String, List<String>> queryParameters;
		try {
			QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
			path = uri.path();
			queryParameters = uri.parameters();
		}
		catch (IllegalArgumentException ex) {
			path = rawPath(request.uri());
			queryParameters = Map.of();
		}

		String apiVersion = apiVersion(path);
		String apiPath = (apiVersion != null) ? path.substring(apiRoot(apiVersion).length()) : path;
		return new LookerRequest(request.method().name(), path, apiVersion, apiPath, queryParameters,
				request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION),
				request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE), "");
	}

	static String apiRoot(String apiVersion) {
		return "/api/" + apiVersion;
	}

	LookerRequest withBody(String body) {
		return new LookerRequest(this.method, this.path, this.apiVersion, this.apiPath, this.queryParameters,
				this.authorization, this.contentType, body);
	}

	boolean isLogin() {
		return this.apiVersion != null && this.method.equals("POST") && this.apiPath.equals("/login");
	}

	boolean isLogout() {
		return this.apiVersion != null && this.method.equals("DELETE") && this.apiPath.equals("/logout");
	}

	boolean isSessionPatch() {
		return this.apiVersion != null && this.method.equals("PATCH") && this.apiPath.equals("/session");
	}

	@Nullable String queryParameter(String name) {
		List<String> values = this.queryParameters.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static String rawPath(String uri) {
		int query = uri.indexOf('?');
		return (query >= 0) ? uri.substring(0, query) : uri;
	}

	private static @Nullable String apiVersion(String path) {
		for (String version : API_VERSIONS) {
			String root = apiRoot(version);
			if (path.equals(root) || path.startsWith(root + "/")) {
				return version;
			}
		}
		return null;
	}

}
