package io.github.lookersession.sample;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerSessionClient;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Application service that uses the auto-configured {@link LookerSessionClient}.
 */
@Service
public class WorkspaceService {

	private final LookerSessionClient looker;

	public WorkspaceService(LookerSessionClient looker) {
		this.looker = looker;
	}

	/**
	 * Returns the workspace of the current Looker API session.
	 * @return a {@code Mono} with the workspace id
	 */
	public Mono<String> currentWorkspace() {
		return this.looker.getSession().mapNotNull(ApiSession::workspaceId);
	}

}
