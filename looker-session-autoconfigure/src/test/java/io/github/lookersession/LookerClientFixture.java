package io.github.lookersession;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.lookersession.http.LookerRetryFilter;
import io.github.lookersession.http.LookerRetryPolicy;
import io.github.lookersession.token.DesiredWorkspace;
import io.github.lookersession.token.LookerLoginClient;
import io.github.lookersession.token.LookerTokenManager;
import io.github.lookersession.token.WorkspacePostLoginHook;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link LookerSessionClient} and its token manager without a Spring context,
 * as the auto-configuration does.
 */
public final class LookerClientFixture {

	public static final String CLIENT_ID = "fixture-client-id";

	public static final String CLIENT_SECRET = "fixture-client-secret-d41d8cd9";

	private final String baseUrl;

	private String apiVersion = "4.0";

	private String clientId = CLIENT_ID;

	private String clientSecret = CLIENT_SECRET;

	private String workspace = "dev";

	private boolean reapplyWorkspace = true;

	private Duration refreshMargin = Duration.ofSeconds(60);

	private Clock clock = Clock.systemUTC();

	private LookerRetryPolicy retryPolicy = LookerRetryPolicy.NONE;

	private Duration readTimeout = Duration.ofSeconds(10);

	private ClientHttpConnector connector;

	private final List<LookerPostLoginHook> hooks = new ArrayList<>();

	private LookerClientFixture(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static LookerClientFixture forBaseUrl(String baseUrl) {
		return new LookerClientFixture(baseUrl);
	}

	public LookerClientFixture apiVersion(String apiVersion) {
		this.apiVersion = apiVersion;
		return this;
	}

	public LookerClientFixture credentials(String clientId, String clientSecret) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		return this;
	}

	public LookerClientFixture workspace(String workspace) {
		this.workspace = workspace;
		return this;
	}

	public LookerClientFixture reapplyWorkspace(boolean reapplyWorkspace) {
		this.reapplyWorkspace = reapplyWorkspace;
		return this;
	}

	public LookerClientFixture refreshMargin(Duration refreshMargin) {
		this.refreshMargin = refreshMargin;
		return this;
	}

	public LookerClientFixture clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	public LookerClientFixture retryPolicy(LookerRetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
		return this;
	}

	public LookerClientFixture readTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
		return this;
	}

	public LookerClientFixture connector(ClientHttpConnector connector) {
		this.connector = connector;
		return this;
	}

	public LookerClientFixture hook(LookerPostLoginHook hook) {
		this.hooks.add(hook);
		return this;
	}

	public Built build() {
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, Duration.ofSeconds(5),
				this.readTimeout, null);
		LookerRetryFilter retryFilter = new LookerRetryFilter(this.retryPolicy);
		retryFilter.setClock(this.clock);
		WebClient.Builder builder = WebClient.builder()
			.baseUrl(this.baseUrl + "/api/" + this.apiVersion)
			.clientConnector((this.connector != null) ? this.connector
					: ClientHttpConnectorBuilder.reactor().build(settings))
			.filter(retryFilter);
		DesiredWorkspace desiredWorkspace = new DesiredWorkspace(this.workspace);
		List<LookerPostLoginHook> allHooks = new ArrayList<>();
		if (this.reapplyWorkspace) {
			allHooks.add(new WorkspacePostLoginHook(desiredWorkspace));
		}
		allHooks.addAll(this.hooks);
		LookerLoginClient loginClient = new LookerLoginClient(builder.build(), this.clientId, this.clientSecret);
		LookerTokenManager tokenManager = new LookerTokenManager(loginClient, desiredWorkspace, () -> allHooks,
				this.refreshMargin);
		tokenManager.setClock(this.clock);
		return new Built(new LookerSessionClient(builder, tokenManager), tokenManager);
	}

	public record Built(LookerSessionClient client, LookerTokenManager tokenManager) {

	}

}
