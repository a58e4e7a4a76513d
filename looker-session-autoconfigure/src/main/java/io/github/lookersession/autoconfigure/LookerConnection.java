package io.github.lookersession.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.github.lookersession.ApiSession;
import org.jspecify.annotations.Nullable;

/**
 * Validated connection settings derived from {@link LookerProperties}.
 *
 * @param baseUrl URL of the Looker instance, without a trailing slash or API path
 * @param apiVersion the Looker API version
 * @param clientId API client id
 * @param clientSecret API client secret
 */
record LookerConnection(String baseUrl, String apiVersion, String clientId, String clientSecret) {

	static final List<String> API_VERSIONS = List.of("4.0", "3.1");

	static final List<String> WORKSPACES = List.of(ApiSession.PRODUCTION_WORKSPACE, ApiSession.DEV_WORKSPACE);

	private static final String DISABLE_HINT = ", or set looker.enabled=false to disable the Looker session client.";

	/**
	 * Returns the root of the API: {@code {base-url}/api/{api-version}}.
	 * @return the API root URL
	 */
	String apiRootUrl() {
		return this.baseUrl + "/api/" + this.apiVersion;
	}

	@Override
	public String toString() {
		return "LookerConnection[baseUrl=" + this.baseUrl + ", apiVersion=" + this.apiVersion + "]";
	}

	/**
	 * Validates the properties and derives the connection settings.
	 * @param properties the bound properties
	 * @return the connection settings
	 * @throws InvalidLookerPropertyException if a property is missing or invalid
	 */
	static LookerConnection of(LookerProperties properties) {
		String apiVersion = checkApiVersion(properties.getApiVersion());
		String baseUrl = checkBaseUrl(properties.getBaseUrl(), apiVersion, properties.isAllowInsecureHttp());
		String clientId = requireText("looker.client-id", properties.getClientId(), "the client id of your Looker API "
				+ "credentials (Admin > Users > Edit Keys in Looker), for example through the LOOKER_CLIENT_ID "
				+ "environment variable");
		String clientSecret = requireText("looker.client-secret", properties.getClientSecret(),
				"the client secret of your Looker API credentials, for example through the LOOKER_CLIENT_SECRET "
						+ "environment variable");
		checkWorkspace(properties.getWorkspace());
		checkRefreshMargin(properties);
		checkPositive("looker.connect-timeout", properties.getConnectTimeout(), "10s");
		checkPositive("looker.read-timeout", properties.getReadTimeout(), "60s");
		checkRetry(properties.getRetry());
		return new LookerConnection(baseUrl, apiVersion, clientId, clientSecret);
	}

	private static void checkPositive(String property, @Nullable Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidLookerPropertyException(property, property + " is " + value + ", which is not positive.",
					"Set " + property + " to a positive duration, such as " + example + ".");
		}
	}

	private static void checkRetry(LookerProperties.Retry retry) {
		if (retry.getMaxAttempts() < 1) {
			throw new InvalidLookerPropertyException("looker.retry.max-attempts",
					"looker.retry.max-attempts is " + retry.getMaxAttempts() + ", but a call needs at least 1 attempt.",
					"Set looker.retry.max-attempts to 1 to disable retries, or to a larger number such as 3.");
		}
		checkPositive("looker.retry.initial-backoff", retry.getInitialBackoff(), "500ms");
		checkPositive("looker.retry.max-backoff", retry.getMaxBackoff(), "10s");
		if (retry.getInitialBackoff().compareTo(retry.getMaxBackoff()) > 0) {
			throw new InvalidLookerPropertyException("looker.retry.initial-backoff",
					"looker.retry.initial-backoff (" + retry.getInitialBackoff()
							+ ") is greater than looker.retry.max-backoff (" + retry.getMaxBackoff() + ").",
					"Set looker.retry.initial-backoff to at most looker.retry.max-backoff.");
		}
	}

	static String checkWorkspace(@Nullable String workspace) {
		if (workspace == null || !WORKSPACES.contains(workspace)) {
			throw new InvalidLookerPropertyException("looker.workspace",
					"looker.workspace is '" + workspace + "', which is not a Looker workspace.",
					"Set looker.workspace to production or dev.");
		}
		return workspace;
	}

	private static void checkRefreshMargin(LookerProperties properties) {
		if (properties.getTokenRefreshMargin() == null || properties.getTokenRefreshMargin().isNegative()) {
			throw new InvalidLookerPropertyException("looker.token-refresh-margin",
					"looker.token-refresh-margin is " + properties.getTokenRefreshMargin() + ", which is negative.",
					"Set looker.token-refresh-margin to zero or a positive duration, such as 60s.");
		}
	}

	private static String checkApiVersion(@Nullable String apiVersion) {
		if (apiVersion == null || !API_VERSIONS.contains(apiVersion.trim())) {
			throw new InvalidLookerPropertyException("looker.api-version",
					"looker.api-version is '" + apiVersion + "', which this client does not support.",
					"Set looker.api-version to 4.0 (the default) or 3.1.");
		}
		return apiVersion.trim();
	}

	private static String requireText(String property, @Nullable String value, String expectedValue) {
		if (value == null || value.isBlank()) {
			throw new InvalidLookerPropertyException(property, property + " is not set.",
					"Set " + property + " to " + expectedValue + DISABLE_HINT);
		}
		return value.trim();
	}

	private static String checkBaseUrl(@Nullable String value, String apiVersion, boolean allowInsecureHttp) {
		String text = requireText("looker.base-url", value,
				"the URL of your Looker instance, such as https://example.cloud.looker.com");
		URI uri = parse(text);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
			throw invalidBaseUrl(uri, "is not an absolute http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidLookerPropertyException("looker.base-url",
					"looker.base-url contains user information, which Looker does not use.",
					"Remove the user name and password from looker.base-url and set looker.client-id and "
							+ "looker.client-secret instead.");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalidBaseUrl(uri, "has a query or fragment");
		}
		if ("http".equals(scheme) && !allowInsecureHttp && !isLoopback(uri.getHost())) {
			throw new InvalidLookerPropertyException("looker.base-url", "looker.base-url '" + uri
					+ "' uses plain http to a host other than loopback, so credentials and tokens would travel "
					+ "unencrypted.",
					"Use an https URL in looker.base-url, or set looker.allow-insecure-http=true if the connection "
							+ "is protected otherwise.");
		}
		return stripApiPath(uri, apiVersion);
	}

	private static URI parse(String text) {
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new InvalidLookerPropertyException("looker.base-url",
					"looker.base-url '" + text + "' is not a valid URL: " + ex.getReason() + ".",
					"Set looker.base-url to the URL of your Looker instance, such as "
							+ "https://example.cloud.looker.com.");
		}
	}

	private static String stripApiPath(URI uri, String apiVersion) {
		String text = uri.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		for (String version : API_VERSIONS) {
			String suffix = "/api/" + version;
			if (text.endsWith(suffix)) {
				if (!version.equals(apiVersion)) {
					throw new InvalidLookerPropertyException("looker.base-url", "looker.base-url '" + uri
							+ "' ends with " + suffix + " but looker.api-version is " + apiVersion + ".",
							"Remove " + suffix + " from looker.base-url and choose the version with "
									+ "looker.api-version.");
				}
				return text.substring(0, text.length() - suffix.length());
			}
		}
		return text;
	}

	private static InvalidLookerPropertyException invalidBaseUrl(URI uri, String problem) {
		return new InvalidLookerPropertyException("looker.base-url", "looker.base-url '" + uri + "' " + problem + ".",
				"Set looker.base-url to the URL of your Looker instance, such as https://example.cloud.looker.com.");
	}

	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		if (name.equals("[::1]") || name.equals("::1")) {
			return true;
		}
		return name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
	}

}
