package io.github.lookersession.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.lookersession.LookerWebClientCustomizer;
import io.github.lookersession.http.LookerRetryFilter;
import io.github.lookersession.http.LookerRetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates the web client builders for Looker calls: a clone of Spring Boot's builder with
 * the {@link LookerWebClientCustomizer}s applied, rooted at
 * {@code {base-url}/api/{api-version}}, with a connector of its own and the retry filter.
 */
final class LookerWebClientFactory {

	private final LookerConnection connection;

	private final WebClient.Builder builder;

	private final Duration callTimeout;

	LookerWebClientFactory(LookerConnection connection, LookerProperties properties, WebClient.Builder bootBuilder,
			ClientHttpConnectorBuilder<?> connectorBuilder, @Nullable SslBundles sslBundles,
			List<LookerWebClientCustomizer> customizers) {
		LookerProperties.Retry retry = properties.getRetry();
		LookerRetryPolicy retryPolicy = new LookerRetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(),
				retry.getMaxBackoff());
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, properties.getConnectTimeout(),
				properties.getReadTimeout(), sslBundle(properties.getSsl().getBundle(), sslBundles));
		ClientHttpConnector connector = connectorBuilder.build(settings);
		this.connection = connection;
		WebClient.Builder builder = bootBuilder.clone();
		customizers.forEach((customizer) -> customizer.customize(builder));
		this.builder = builder.baseUrl(connection.apiRootUrl())
			.clientConnector(connector)
			.filter(new LookerRetryFilter(retryPolicy));
		this.callTimeout = retryPolicy.worstCase(properties.getConnectTimeout().plus(properties.getReadTimeout()));
	}

	LookerConnection connection() {
		return this.connection;
	}

	/**
	 * Returns the worst-case time of one Looker call with all its retries.
	 * @return the time bound
	 */
	Duration callTimeout() {
		return this.callTimeout;
	}

	WebClient.Builder createBuilder() {
		return this.builder.clone();
	}

	private static @Nullable SslBundle sslBundle(@Nullable String name, @Nullable SslBundles sslBundles) {
		if (name == null || name.isBlank()) {
			return null;
		}
		if (sslBundles == null) {
			throw new InvalidLookerPropertyException("looker.ssl.bundle",
					"looker.ssl.bundle is '" + name + "', but no SSL bundles are configured.",
					"Define the bundle under spring.ssl.bundle, or remove looker.ssl.bundle.");
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidLookerPropertyException("looker.ssl.bundle",
					"looker.ssl.bundle is '" + name + "', but no SSL bundle has that name.",
					"Define the bundle under spring.ssl.bundle.jks." + name + " or spring.ssl.bundle.pem." + name
							+ ", or correct looker.ssl.bundle.");
		}
	}

}
