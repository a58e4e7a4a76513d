package io.github.lookersession;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.lookersession.token.LookerAccessToken;
import io.github.lookersession.token.LookerAuthenticationFilter;
import io.github.lookersession.http.LookerResponses;
import io.github.lookersession.token.LookerTokenManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reactive client for the Looker API session ({@code GET} and {@code PATCH /session}).
 *
 * <p>
 * Logs in on first use and whenever the token expires or Looker rejects it, and switches
 * every new session to the desired workspace before any request uses the new token. The
 * desired workspace starts as {@code looker.workspace}. A successful
 * {@link #selectWorkspace(String)}, or an {@link #updateSession(ApiSession)} that sets
 * {@code workspace_id}, replaces it: the latest choice is applied after every later login
 * until the application restarts.
 *
 * <p>
 * {@link #getWebClient()} returns a client for any other Looker endpoint that shares the
 * token, the post-login hooks and the replay after a 401.
 *
 * <p>
 * Every {@code Mono} signals a {@link LookerApiException} (or a subtype) when Looker
 * returns an error. Each subscription sends its own request, so a returned
 * {@code Mono} may be subscribed to many times, also concurrently.
 */
public class LookerSessionClient {

	private static final Log logger = LogFactory.getLog(LookerSessionClient.class);

	private static final String SESSION_PATH = "/session";

	private final WebClient webClient;

	private final LookerTokenManager tokenManager;

	/**
	 * Creates a client.
	 * @param webClientBuilder builder with the base URL
	 * {@code {base-url}/api/{api-version}} set; this constructor adds the authentication
	 * filter to a clone of it and switches off logging of request details, which would
	 * print the {@code Authorization} header
	 * @param tokenManager manager of the access token
	 */
	public LookerSessionClient(WebClient.Builder webClientBuilder, LookerTokenManager tokenManager) {
		Assert.notNull(webClientBuilder, "webClientBuilder cannot be null");
		Assert.notNull(tokenManager, "tokenManager cannot be null");
		this.webClient = webClientBuilder.clone()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false))
			.filter(new LookerAuthenticationFilter(tokenManager))
			.build();
		this.tokenManager = tokenManager;
	}

	/**
	 * Returns the current API session ({@code GET /session}).
	 * @return a {@code Mono} with the session
	 */
	public Mono<ApiSession> getSession() {
		return Mono.defer(() -> this.webClient.get()
			.uri(SESSION_PATH)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono(LookerSessionClient::readSession));
	}

	/**
	 * Updates the current API session ({@code PATCH /session}). Only
	 * {@code workspace_id} is writable, so only that field is sent. When it is set, it
	 * also becomes the workspace that later sessions are switched to.
	 * @param session the session with the fields to change
	 * @return a {@code Mono} with the updated session
	 */
	public Mono<ApiSession> updateSession(ApiSession session) {
		Assert.notNull(session, "session cannot be null");
		String workspaceId = session.workspaceId();
		if (workspaceId == null) {
			return patchSession(Map.of(), new AtomicReference<>());
		}
		return selectWorkspace(workspaceId);
	}

	/**
	 * Selects a workspace for the current API session and makes it the workspace that
	 * later sessions are switched to.
	 * @param workspaceId the workspace, {@code production} or {@code dev}
	 * @return a {@code Mono} with the updated session, or a
	 * {@link LookerWorkspaceException} if Looker refused the workspace
	 */
	public Mono<ApiSession> selectWorkspace(String workspaceId) {
		Assert.hasText(workspaceId, "workspaceId cannot be empty");
		return Mono.defer(() -> {
			AtomicReference<LookerAccessToken> usedToken = new AtomicReference<>();
			return patchSession(Map.of("workspace_id", workspaceId), usedToken)
				.onErrorMap((ex) -> ex instanceof LookerApiException && !(ex instanceof LookerWorkspaceException)
						&& !(ex instanceof LookerAuthenticationException),
						(ex) -> LookerWorkspaceException.selectionFailed(workspaceId, (LookerApiException) ex))
				.flatMap((session) -> checkSelected(session, workspaceId))
				.doOnNext((session) -> workspaceSelected(workspaceId, usedToken.get()));
		});
	}

	/**
	 * Returns the workspace that new sessions are switched to after login.
	 * @return the configured workspace, or the latest one selected through this client
	 */
	public String getDesiredWorkspace() {
		return this.tokenManager.getDesiredWorkspace().getWorkspaceId();
	}

	/**
	 * Returns a web client for any Looker API endpoint, rooted at
	 * {@code {base-url}/api/{api-version}}. It sends the current access token, logs in
	 * when needed, runs the post-login hooks before a new token is used, and replays a
	 * request once after a 401.
	 * @return the authenticated web client
	 */
	public WebClient getWebClient() {
		return this.webClient;
	}

	private Mono<ApiSession> patchSession(Map<String, String> body, AtomicReference<LookerAccessToken> usedToken) {
		Consumer<LookerAccessToken> tokenListener = usedToken::set;
		return Mono.defer(() -> this.webClient.patch()
			.uri(SESSION_PATH)
			.attribute(LookerAuthenticationFilter.TOKEN_LISTENER_ATTRIBUTE, tokenListener)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchangeToMono(LookerSessionClient::readSession));
	}

	private static Mono<ApiSession> readSession(ClientResponse response) {
		if (response.statusCode().is2xxSuccessful()) {
			return LookerResponses.readBody(response, ApiSession.class);
		}
		return LookerResponses.createException(response).flatMap(Mono::error);
	}

	private Mono<ApiSession> checkSelected(ApiSession session, String workspaceId) {
		if (Objects.equals(session.workspaceId(), workspaceId)) {
			return Mono.just(session);
		}
		return Mono.error(LookerWorkspaceException.mismatch(workspaceId, session.workspaceId(), null, SESSION_PATH));
	}

	private void workspaceSelected(String workspaceId, @Nullable LookerAccessToken token) {
		String previous = getDesiredWorkspace();
		this.tokenManager.workspaceSelected(workspaceId, token);
		if (!previous.equals(workspaceId)) {
			logger.info("Looker workspace '" + workspaceId + "' selected; later logins switch to it instead of '"
					+ previous + "'");
		}
	}

}
