package io.github.lookersession.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link WorkspaceProbe} at a fixed delay of {@code sample.probe-interval} (5 s
 * unless set) and logs which workspace served each request.
 */
@Component
@ConditionalOnProperty("sample.probe-model")
class WorkspaceProbeSchedule {

	private static final Log logger = LogFactory.getLog(WorkspaceProbeSchedule.class);

	private final WorkspaceProbe probe;

	WorkspaceProbeSchedule(WorkspaceProbe probe) {
		this.probe = probe;
	}

	// Spring subscribes to the returned Mono again for every run, and each subscription
	// sends a new request.
	@Scheduled(fixedDelayString = "${sample.probe-interval:5s}")
	Mono<Void> probePeriodically() {
		return this.probe.probe()
			.doOnNext(WorkspaceProbeSchedule::logResult)
			.onErrorResume((ex) -> {
				logger.warn("Workspace probe failed, trying again at the next run: " + ex.getMessage(),
						logger.isDebugEnabled() ? ex : null);
				return Mono.empty();
			})
			.then();
	}

	private static void logResult(WorkspaceProbe.Result result) {
		logger.info("Workspace probe: GET /lookml_models/" + result.model() + " returned " + result.status().value()
				+ ", so workspace '" + result.workspaceId() + "' served it");
	}

}
