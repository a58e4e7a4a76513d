package io.github.lookersession;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * Signals that a workspace could not be selected for an API session, either by the
 * post-login workspace hook or by an explicit
 * {@link LookerSessionClient#selectWorkspace(String)}.
 *
 * <p>
 * When the hook fails, the login fails with it: the new access token is revoked and never
 * used for any other request, so no request runs in the wrong workspace.
 */
public class LookerWorkspaceException extends LookerApiException {

	private final String workspaceId;

	/**
	 * Creates a workspace exception.
	 * @param message description of what failed and what to do
	 * @param workspaceId the workspace that could not be selected
	 * @param statusCode HTTP status of the response, or {@code null} if none arrived
	 * @param lookerMessage {@code message} field of Looker's error body, if any
	 * @param documentationUrl {@code documentation_url} field of Looker's error body, if
	 * any
	 * @param validationErrors {@code errors} entries of a 422 body, possibly empty
	 * @param method method of the failed request
	 * @param path path of the failed request without query
	 * @param cause underlying failure, if any
	 */
	public LookerWorkspaceException(String message, String workspaceId, @Nullable HttpStatusCode statusCode,
			@Nullable String lookerMessage, @Nullable String documentationUrl,
			List<LookerValidationError> validationErrors, @Nullable HttpMethod method, @Nullable String path,
			@Nullable Throwable cause) {
		super(message, statusCode, lookerMessage, documentationUrl, validationErrors, method, path, cause);
		this.workspaceId = workspaceId;
	}

	/**
	 * Creates the exception for a {@code PATCH /session} that Looker rejected,
	 * or that returned an unreadable body.
	 * @param workspaceId the workspace that could not be selected
	 * @param cause the failure of the request
	 * @return the exception, with a hint about the develop permission for 403
	 */
	public static LookerWorkspaceException selectionFailed(String workspaceId, LookerApiException cause) {
		StringBuilder message = new StringBuilder("Could not select Looker workspace '").append(workspaceId)
			.append("': ")
			.append(cause.getMessage());
		HttpStatusCode status = cause.getStatusCode();
		if (status != null && status.value() == 403) {
			message.append(". The API user needs the 'develop' permission to select the '")
				.append(ApiSession.DEV_WORKSPACE)
				.append("' workspace; grant it in Looker or set looker.workspace=production");
		}
		return new LookerWorkspaceException(message.toString(), workspaceId, status, cause.getLookerMessage(),
				cause.getDocumentationUrl(), cause.getValidationErrors(), cause.getMethod(), cause.getPath(), cause);
	}

	/**
	 * Creates the exception for a {@code PATCH /session} whose response shows another
	 * workspace than the one requested.
	 * @param workspaceId the requested workspace
	 * @param actualWorkspaceId the {@code workspace_id} of the response
	 * @param statusCode status of the response, if known
	 * @param path path of the request
	 * @return the exception
	 */
	public static LookerWorkspaceException mismatch(String workspaceId, @Nullable String actualWorkspaceId,
			@Nullable HttpStatusCode statusCode, String path) {
		String message = "Could not select Looker workspace '" + workspaceId + "': PATCH " + path
				+ " returned workspace_id '" + actualWorkspaceId + "'";
		return new LookerWorkspaceException(message, workspaceId, statusCode, null, null, List.of(), HttpMethod.PATCH,
				path, null);
	}

	/**
	 * Returns the workspace that could not be selected.
	 * @return the workspace id
	 */
	public String getWorkspaceId() {
		return this.workspaceId;
	}

}
