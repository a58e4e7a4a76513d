package io.github.lookersession.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One request that a {@link FakeLooker} received, with the state of the API session that
 * served it.
 *
 * <p>
 * For a request that carried a known token, {@code sessionId} and {@code clientId}
 * identify that token's session, even when the token had expired or was revoked. For a
 * successful login, including a sudo login, they identify the session that the login
 * created. {@code workspace}
 * is the workspace of the session when the fake served the request, and
 * {@code workspaceAfter} the workspace when it responded: the two differ only for a
 * {@code PATCH /session} that changed the workspace. A login has no workspace before and
 * {@code production} after.
 *
 * @param sequence the position of the request in arrival order, starting at 1 and never
 * reused, not even after {@link FakeLooker#reset()}
 * @param arrivedAt when the request arrived, from the fake's clock
 * @param completedAt when the fake finished serving the request, just before it wrote the
 * response or closed the connection, from the fake's clock
 * @param method the HTTP method, such as {@code PATCH}
 * @param apiVersion {@code 4.0} or {@code 3.1}, or {@code null} for a path outside
 * {@code /api/4.0} and {@code /api/3.1}
 * @param path the request path without the query, such as {@code /api/4.0/session}
 * @param sessionId the id of the API session, or {@code null} if the request carried no
 * known token and created no session
 * @param clientId the client id that created the session, or {@code null} if there is no
 * session
 * @param workspace the session's workspace when the request was served, or {@code null}
 * if there is no session or the request was a login
 * @param workspaceAfter the session's workspace when the response was sent, or
 * {@code null} if there is no session
 * @param status the HTTP status of the response, or 0 if the connection was closed
 * without one
 * @param faultInjected whether the response came from an injected {@link Fault}
 */
public record JournalEntry(long sequence, Instant arrivedAt, Instant completedAt, String method,
		@Nullable String apiVersion, String path, @Nullable String sessionId, @Nullable String clientId,
		@Nullable String workspace, @Nullable String workspaceAfter, int status, boolean faultInjected) {

	/**
	 * Returns the method and the path relative to the API root, such as
	 * {@code PATCH /session}, the form that {@link FakeLooker#injectFault(String, Fault)}
	 * takes. A path outside the API root is returned whole.
	 * @return the method and path
	 */
	public String endpoint() {
		return this.method + " " + apiPath();
	}

	/**
	 * Returns the path relative to the API root, such as {@code /session}. A path outside
	 * the API root is returned whole.
	 * @return the path
	 */
	public String apiPath() {
		return (this.apiVersion != null) ? this.path.substring(LookerRequest.apiRoot(this.apiVersion).length())
				: this.path;
	}

	/**
	 * Returns whether the fake responded to the request. It did not if a
	 * {@link Fault#connectionReset()} closed the connection, or if the client closed it
	 * before the fake responded.
	 * @return whether a response was sent
	 */
	public boolean hasResponse() {
		return this.status != 0;
	}

}
