package io.github.lookersession.autoconfigure;

import java.util.List;

import io.github.lookersession.LookerPostLoginHook;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.token.DesiredWorkspace;
import io.github.lookersession.token.LookerLoginClient;
import io.github.lookersession.token.LookerTokenManager;
import io.github.lookersession.token.WorkspacePostLoginHook;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the Looker session client.
 *
 * <p>
 * Web clients are built from Spring Boot's auto-configured {@link WebClient.Builder}, so
 * its customizers, codecs and observations apply to every Looker call.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
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
	WorkspacePostLoginHook lookerWorkspacePostLoginHook(DesiredWorkspace desiredWorkspace) {
		return new WorkspacePostLoginHook(desiredWorkspace);
	}

	@Bean
	@ConditionalOnMissingBean
	LookerTokenManager lookerTokenManager(LookerProperties properties, DesiredWorkspace desiredWorkspace,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<LookerPostLoginHook> hooks) {
		LookerConnection connection = LookerConnection.of(properties);
		WebClient webClient = apiWebClientBuilder(connection, webClientBuilder).build();
		LookerLoginClient loginClient = new LookerLoginClient(webClient, connection.clientId(),
				connection.clientSecret());
		return new LookerTokenManager(loginClient, desiredWorkspace, () -> List.copyOf(hooks.orderedStream().toList()),
				properties.getTokenRefreshMargin());
	}

	@Bean
	@ConditionalOnMissingBean
	LookerSessionClient lookerSessionClient(LookerProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder, LookerTokenManager tokenManager) {
		LookerConnection connection = LookerConnection.of(properties);
		return new LookerSessionClient(apiWebClientBuilder(connection, webClientBuilder), tokenManager);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "looker.logout-on-shutdown", matchIfMissing = true)
	LookerLogoutOnShutdown lookerLogoutOnShutdown(LookerTokenManager tokenManager) {
		return new LookerLogoutOnShutdown(tokenManager);
	}

	private static WebClient.Builder apiWebClientBuilder(LookerConnection connection,
			ObjectProvider<WebClient.Builder> webClientBuilder) {
		return webClientBuilder.getIfAvailable(WebClient::builder).clone().baseUrl(connection.apiRootUrl());
	}

}
