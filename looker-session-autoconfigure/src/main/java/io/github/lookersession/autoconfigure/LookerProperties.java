package io.github.lookersession.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the Looker session client.
 */
@ConfigurationProperties("looker")
public class LookerProperties {

	/**
	 * Whether to auto-configure the Looker session client.
	 */
	private boolean enabled = true;

	/**
	 * URL of the Looker instance, with the port if it is not the default, such as
	 * https://example.cloud.looker.com.
	 */
	private @Nullable String baseUrl;

	/**
	 * Looker API version, 4.0 or 3.1.
	 */
	private String apiVersion = "4.0";

	/**
	 * Client id of the Looker API credentials.
	 */
	private @Nullable String clientId;

	/**
	 * Client secret of the Looker API credentials.
	 */
	private @Nullable String clientSecret;

	/**
	 * Workspace selected for every new API session, production or dev.
	 */
	private String workspace = "production";

	/**
	 * Whether to select the workspace again after every login, before the new access token
	 * is used.
	 */
	private boolean reapplyWorkspace = true;

	/**
	 * Time before the access token expires at which the client logs in again.
	 */
	private Duration tokenRefreshMargin = Duration.ofSeconds(60);

	/**
	 * Connect timeout for every Looker call.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Read timeout for every Looker call: the longest wait for data from Looker once a
	 * request is sent.
	 */
	private Duration readTimeout = Duration.ofSeconds(60);

	private final Ssl ssl = new Ssl();

	private final Retry retry = new Retry();

	/**
	 * Whether to revoke the access token when the application context closes.
	 */
	private boolean logoutOnShutdown = true;

	/**
	 * Whether to allow a plain http base URL for hosts other than loopback, which sends the
	 * credentials and tokens unencrypted.
	 */
	private boolean allowInsecureHttp = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getApiVersion() {
		return this.apiVersion;
	}

	public void setApiVersion(String apiVersion) {
		this.apiVersion = apiVersion;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public String getWorkspace() {
		return this.workspace;
	}

	public void setWorkspace(String workspace) {
		this.workspace = workspace;
	}

	public boolean isReapplyWorkspace() {
		return this.reapplyWorkspace;
	}

	public void setReapplyWorkspace(boolean reapplyWorkspace) {
		this.reapplyWorkspace = reapplyWorkspace;
	}

	public Duration getTokenRefreshMargin() {
		return this.tokenRefreshMargin;
	}

	public void setTokenRefreshMargin(Duration tokenRefreshMargin) {
		this.tokenRefreshMargin = tokenRefreshMargin;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public boolean isLogoutOnShutdown() {
		return this.logoutOnShutdown;
	}

	public void setLogoutOnShutdown(boolean logoutOnShutdown) {
		this.logoutOnShutdown = logoutOnShutdown;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	/**
	 * TLS settings of the Looker client.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) that the Looker client trusts, for a
		 * Looker instance behind a private certificate authority.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Retries of Looker calls on 429, 502, 503, 504 and connection failures.
	 */
	public static class Retry {

		/**
		 * Total number of attempts for a call, including the first. 1 disables retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the first retry, doubled for each further retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Upper bound of the delay between attempts, also of a Retry-After delay that
		 * the client waits for.
		 */
		private Duration maxBackoff = Duration.ofSeconds(10);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	@Override
	public String toString() {
		return "LookerProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", apiVersion="
				+ this.apiVersion + ", clientId=" + this.clientId + ", clientSecret="
				+ ((this.clientSecret != null) ? "******" : null) + ", workspace=" + this.workspace + "]";
	}

}
