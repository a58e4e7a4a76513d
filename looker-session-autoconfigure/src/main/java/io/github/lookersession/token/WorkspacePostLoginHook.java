package io.github.lookersession.token;

import io.github.lookersession.http.LookerResponses;
import java.util.Map;
import java.util.Objects;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerPostLoginContext;
import io.github.lookersession.LookerPostLoginHook;
import io.github.lookersession.LookerWorkspaceException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * {@link LookerPostLoginHook} that switches every new API session to the
 * {@linkplain DesiredWorkspace desired workspace}.
 *
 * <p>
 * New Looker API sessions always start in {@code production}, so for that workspace the
 * hook sends nothing. For any other workspace it sends {@code PATCH /session} and checks
 * that the response shows the workspace. A non-2xx response, another
 * {@code workspace_id}, or a body that is not an {@link ApiSession} fails the login with a
 * {@link LookerWorkspaceException}.
 */
public final class WorkspacePostLoginHook implements LookerPostLoginHook, Ordered {

	private static final Log logger = LogFactory.getLog(WorkspacePostLoginHook.class);

	/**
	 * Name of the observation of each workspace selection after a login.
	 */
	public static final String REAPPLY_OBSERVATION = "looker.workspace.reapply";

	private final DesiredWorkspace desiredWorkspace;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	/**
	 * Creates a hook that selects the given desired workspace.
	 * @param desiredWorkspace the workspace to select, read at each login
	 */
	public WorkspacePostLoginHook(DesiredWorkspace desiredWorkspace) {
		Assert.notNull(desiredWorkspace, "desiredWorkspace cannot be null");
		this.desiredWorkspace = desiredWorkspace;
	}

	/**
	 * Sets the registry for the {@code looker.workspace.reapply} observation, which has
	 * the low-cardinality keys {@code workspace} and {@code outcome}.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "observationRegistry cannot be null");
		this.observationRegistry = observationRegistry;
	}

	@Override
	public int getOrder() {
		return WORKSPACE_HOOK_ORDER;
	}

	@Override
	public Mono<Void> afterLogin(LookerPostLoginContext context) {
		String workspaceId = this.desiredWorkspace.getWorkspaceId();
		if (ApiSession.PRODUCTION_WORKSPACE.equals(workspaceId)) {
			return Mono.empty();
		}
		Observation observation = Observation.createNotStarted(REAPPLY_OBSERVATION, this.observationRegistry)
			.contextualName("looker workspace reapply")
			.lowCardinalityKeyValue("workspace", workspaceId);
		return context.webClient()
			.patch()
			.uri("/session")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("workspace_id", workspaceId))
			.exchangeToMono((response) -> readSession(response, workspaceId))
			.doOnSubscribe((subscription) -> observation.start())
			.doOnNext((session) -> {
				observation.lowCardinalityKeyValue("outcome", "success");
				logger.info("Selected Looker workspace '" + workspaceId + "' for the new API session");
			})
			.doOnError((ex) -> observation.lowCardinalityKeyValue("outcome", "failure").error(ex))
			.doFinally((signal) -> observation.stop())
			.then();
	}

	private Mono<ApiSession> readSession(ClientResponse response, String workspaceId) {
		if (!response.statusCode().is2xxSuccessful()) {
			return LookerResponses.createException(response)
				.flatMap((ex) -> Mono.error(LookerWorkspaceException.selectionFailed(workspaceId, ex)));
		}
		return LookerResponses.readBody(response, ApiSession.class)
			.onErrorMap(LookerApiException.class, (ex) -> LookerWorkspaceException.selectionFailed(workspaceId, ex))
			.flatMap((session) -> checkWorkspace(response, session, workspaceId));
	}

	private Mono<ApiSession> checkWorkspace(ClientResponse response, ApiSession session, String workspaceId) {
		if (Objects.equals(session.workspaceId(), workspaceId)) {
			return Mono.just(session);
		}
		return Mono.error(LookerWorkspaceException.mismatch(workspaceId, session.workspaceId(),
				response.statusCode(), LookerResponses.path(response)));
	}

}
