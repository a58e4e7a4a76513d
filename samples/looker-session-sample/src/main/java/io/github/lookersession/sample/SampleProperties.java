package io.github.lookersession.sample;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration properties of the sample application.
 *
 * @param probeModel name of a LookML model that exists only in the {@code dev}
 * workspace, which {@link WorkspaceProbe} requests to find out which workspace serves the
 * session, or {@code null} to run no probe; the embedded fake Looker sets it to its
 * {@code dev_only_model}
 * @param embeddedLooker settings of the fake Looker that starts when
 * {@code looker.base-url} is not set
 */
@ConfigurationProperties("sample")
public record SampleProperties(@Nullable String probeModel,
		@DefaultValue EmbeddedLooker embeddedLooker) {

	/**
	 * Settings of the embedded fake Looker.
	 *
	 * @param tokenLifetime lifetime of every access token that the fake issues, short so
	 * that the log shows several logins within a minute
	 * @param tokenRefreshMargin value of {@code looker.token-refresh-margin} while the
	 * fake runs: the client's default of 60 s exceeds the token lifetime
	 */
	public record EmbeddedLooker(@DefaultValue("20s") Duration tokenLifetime,
			@DefaultValue("5s") Duration tokenRefreshMargin) {

	}

}
