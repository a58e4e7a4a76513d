package io.github.lookersession.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.lookersession.LookerPostLoginHook;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.autoconfigure.LookerProperties;
import io.github.lookersession.http.LookerRetryFilter;
import io.github.lookersession.http.LookerRetryPolicy;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.token.DesiredWorkspace;
import io.github.lookersession.token.LookerLoginClient;
import io.github.lookersession.token.LookerTokenManager;
import io.github.lookersession.token.WorkspacePostLoginHook;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the clients that the load benchmarks compare, all on one HTTP connector and so
 * on one connection pool.
 *
 * <p>
 * A {@link LookerSessionClient} is put together from the same parts, with the same
 * default {@code looker.*} properties, as {@code LookerSessionAutoConfiguration} uses:
 * Spring Boot's Reactor connector with the default timeouts and no redirects, the retry
 * filter with the default policy, and the workspace hook. Unlike the auto-configuration,
 * it starts from a plain {@code WebClient.builder()}, not from Spring Boot's
 * auto-configured builder.
 */
final class BenchmarkClients {

	private static final String API_VERSION = "4.0";

	private final String apiRootUrl;

	private final LookerProperties defaults = new LookerProperties();

	private final ClientHttpConnector connector;

	BenchmarkClients(String baseUrl) {
		this.apiRootUrl = baseUrl + "/api/" + API_VERSION;
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW,
				this.defaults.getConnectTimeout(), this.defaults.getReadTimeout(), null);
		this.connector = ClientHttpConnectorBuilder.reactor().build(settings);
	}

	/**
	 * Creates a session client with no token yet.
	 * @param workspace the desired workspace, {@code production} or {@code dev}
	 * @param refreshMargin the {@code looker.token-refresh-margin}
	 * @return the client and its token manager
	 */
	SessionClient createSessionClient(String workspace, Duration refreshMargin) {
		LookerProperties.Retry retry = this.defaults.getRetry();
		LookerRetryPolicy retryPolicy = new LookerRetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(),
				retry.getMaxBackoff());
		WebClient.Builder builder = WebClient.builder()
			.baseUrl(this.apiRootUrl)
			.clientConnector(this.connector)
			.filter(new LookerRetryFilter(retryPolicy));

		DesiredWorkspace desiredWorkspace = new DesiredWorkspace(workspace);
		List<LookerPostLoginHook> hooks = List.of(new WorkspacePostLoginHook(desiredWorkspace));
		LookerLoginClient loginClient = new LookerLoginClient(builder.build(), FakeLooker.DEFAULT_CLIENT_ID,
				FakeLooker.DEFAULT_CLIENT_SECRET);
		LookerTokenManager tokenManager = new LookerTokenManager(loginClient, desiredWorkspace, () -> hooks,
				refreshMargin);
		tokenManager.setHookTimeout(
				retryPolicy.worstCase(this.defaults.getConnectTimeout().plus(this.defaults.getReadTimeout())));
		return new SessionClient(new LookerSessionClient(builder, tokenManager), tokenManager);
	}

	/**
	 * Logs in with a plain request and returns a web client that sends the new token on
	 * every request and never refreshes it.
	 * @return the web client, rooted at the API root
	 */
	WebClient createRawClient() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", FakeLooker.DEFAULT_CLIENT_ID);
		form.add("client_secret", FakeLooker.DEFAULT_CLIENT_SECRET);
		Map<String, Object> login = WebClient.builder()
			.baseUrl(this.apiRootUrl)
			.clientConnector(this.connector)
			.build()
			.post()
			.uri("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block(Duration.ofSeconds(30));
		if (login == null || !(login.get("access_token") instanceof String accessToken)) {
			throw new IllegalStateException("Login to the fake Looker returned no access_token");
		}
		return WebClient.builder()
			.baseUrl(this.apiRootUrl)
			.clientConnector(this.connector)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "token " + accessToken)
			.build();
	}

	/**
	 * A session client and its token manager.
	 *
	 * @param client the client
	 * @param tokenManager its token manager
	 */
	record SessionClient(LookerSessionClient client, LookerTokenManager tokenManager) {

		/**
		 * Revokes the client's token, if any, so that the fake does not keep its session.
		 * A failure is ignored: a token that has already expired gets a 401.
		 */
		void logout() {
			this.tokenManager.logout().onErrorComplete().block(Duration.ofSeconds(10));
		}

	}

}
