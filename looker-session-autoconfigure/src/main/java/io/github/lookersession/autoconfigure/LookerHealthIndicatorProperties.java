package io.github.lookersession.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the Looker health indicator.
 */
@ConfigurationProperties("management.health.looker")
public class LookerHealthIndicatorProperties {

	/**
	 * Maximum time of one Looker health check, including a login when the client has no
	 * usable token. A check that takes longer reports DOWN.
	 */
	private Duration timeout = Duration.ofSeconds(3);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
