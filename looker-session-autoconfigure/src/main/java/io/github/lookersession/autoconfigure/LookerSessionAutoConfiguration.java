package io.github.lookersession.autoconfigure;

import java.util.List;

import io.github.lookersession.LookerPostLoginHook;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.LookerWebClientCustomizer;
import io.github.lookersession.token.DesiredWorkspace;
import io.github.lookersession.token.LookerLoginClient;
import io.github.lookersession.token.LookerTokenManager;
import io.github.lookersession.token.WorkspacePostLoginHook;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the Looker session client.
 *
 * <p>
 * Web clients are built from Spring Boot's auto-configured {@link WebClient.Builder}, so
 * its customizers, codecs and observations apply to every Looker call. They get their own
 * HTTP connector with the {@code looker.*} timeouts, SSL bundle and no redirects, which
 * leaves the application's other web clients unchanged.
 *
 * <p>
 * With an {@link ObservationRegistry} bean, logins are observed as {@code looker.login},
 * workspace selections after login as {@code looker.workspace.reapply}, and requests sent
 * again after a 401 as {@code looker.replay}, next to Spring Boot's
 * {@code http.client.requests} for every Looker call.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@ConditionalOnBooleanProperty(name = "looker.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LookerProperties.class)
public final class LookerSessionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DesiredWorkspace lookerDesiredWorkspace(LookerProperties properties) {
		return new DesiredWorkspace(LookerConnection.checkWorkspace(properties.getWorkspace()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "looker.reapply-workspace", matchIfMissing = true)
	WorkspacePostLoginHook lookerWorkspacePostLoginHook(DesiredWorkspace desiredWorkspace,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		WorkspacePostLoginHook hook = new WorkspacePostLoginHook(desiredWorkspace);
		observationRegistry.ifAvailable(hook::setObservationRegistry);
		return hook;
	}

	@Bean
	LookerWebClientFactory lookerWebClientFactory(LookerProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<LookerWebClientCustomizer> customizers) {
		LookerConnection connection = LookerConnection.of(properties);
		return new LookerWebClientFactory(connection, properties, webClientBuilder.getIfAvailable(WebClient::builder),
				connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect), sslBundles.getIfAvailable(),
				customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	LookerTokenManager lookerTokenManager(LookerProperties properties, DesiredWorkspace desiredWorkspace,
			LookerWebClientFactory webClientFactory, ObjectProvider<LookerPostLoginHook> hooks,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		LookerConnection connection = webClientFactory.connection();
		LookerLoginClient loginClient = new LookerLoginClient(webClientFactory.createBuilder().build(),
				connection.clientId(), connection.clientSecret());
		LookerTokenManager tokenManager = new LookerTokenManager(loginClient, desiredWorkspace,
				() -> List.copyOf(hooks.orderedStream().toList()), properties.getTokenRefreshMargin());
		tokenManager.setHookTimeout(webClientFactory.callTimeout());
		observationRegistry.ifAvailable(tokenManager::setObservationRegistry);
		return tokenManager;
	}

	@Bean
	@ConditionalOnMissingBean
	LookerSessionClient lookerSessionClient(LookerWebClientFactory webClientFactory,
			LookerTokenManager tokenManager) {
		return new LookerSessionClient(webClientFactory.createBuilder(), tokenManager);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "looker.logout-on-shutdown", matchIfMissing = true)
	LookerLogoutOnShutdown lookerLogoutOnShutdown(LookerTokenManager tokenManager) {
		return new LookerLogoutOnShutdown(tokenManager);
	}

}
