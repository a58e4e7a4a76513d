package io.github.lookersession.sample;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.autoconfigure.LookerProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Reads the Looker API session once the application has started and logs its workspace
 * and the API version. A failure, such as rejected credentials, stops the application.
 * Also logs when no workspace probe runs because {@code sample.probe-model} is not set.
 */
@Component
class SessionStartupLogger implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(SessionStartupLogger.class);

	private final LookerSessionClient looker;

	private final LookerProperties properties;

	private final SampleProperties sampleProperties;

	SessionStartupLogger(LookerSessionClient looker, LookerProperties properties, SampleProperties sampleProperties) {
		this.looker = looker;
		this.properties = properties;
		this.sampleProperties = sampleProperties;
	}

	@Override
	public void run(ApplicationArguments args) {
		// The wait is bounded by looker.connect-timeout, looker.read-timeout and looker.retry.*.
		ApiSession session = this.looker.getSession().block();
		logger.info("Looker API " + this.properties.getApiVersion() + " session at " + this.properties.getBaseUrl()
				+ ": workspace '" + ((session != null) ? session.workspaceId() : null) + "', desired workspace '"
				+ this.looker.getDesiredWorkspace() + "'");
		if (this.sampleProperties.probeModel() == null) {
			logger.info("sample.probe-model is not set, so no workspace probe runs; set it to a LookML model that "
					+ "exists only in the dev workspace to see which workspace serves each request");
		}
	}

}
