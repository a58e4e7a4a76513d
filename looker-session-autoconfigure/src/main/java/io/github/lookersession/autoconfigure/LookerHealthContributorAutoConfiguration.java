package io.github.lookersession.autoconfigure;

import java.time.Duration;

import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.health.LookerHealthIndicator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link LookerHealthIndicator}, the {@code looker} health
 * contributor.
 *
 * <p>
 * It lives in the package of {@link LookerConnection}, so that the {@code baseUrl}
 * detail shows the base URL as the client uses it: without a trailing slash or API path.
 */
@AutoConfiguration(after = LookerSessionAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ LookerSessionClient.class, LookerProperties.class })
@ConditionalOnEnabledHealthIndicator("looker")
@EnableConfigurationProperties(LookerHealthIndicatorProperties.class)
public final class LookerHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "lookerHealthIndicator", "lookerHealthContributor" })
	LookerHealthIndicator lookerHealthIndicator(LookerSessionClient client, LookerProperties properties,
			LookerHealthIndicatorProperties healthProperties) {
		LookerConnection connection = LookerConnection.of(properties);
		return new LookerHealthIndicator(client, connection.baseUrl(), connection.apiVersion(),
				checkTimeout(healthProperties.getTimeout()));
	}

	private static Duration checkTimeout(@Nullable Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new InvalidLookerPropertyException("management.health.looker.timeout",
					"management.health.looker.timeout is " + timeout + ", which is not positive.",
					"Set management.health.looker.timeout to a positive duration, such as 3s.");
		}
		return timeout;
	}

}
