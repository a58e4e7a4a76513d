package io.github.lookersession;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Looker API session, as returned by {@code GET /session} and {@code PATCH /session}.
 *
 * <p>
 * {@code sudo_user_id} is a string in API 4.0 and an integer in API 3.1. Both forms are
 * read into {@link #sudoUserId()} as a string. Fields that Looker adds in later versions
 * are ignored.
 *
 * @param can operations the current user may perform on the session, by name
 * @param workspaceId id of the active workspace, {@code production} or {@code dev}
 * @param sudoUserId id of the user being impersonated, or {@code null} outside a sudo
 * session
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiSession(@JsonProperty("can") @Nullable Map<String, Boolean> can,
		@JsonProperty("workspace_id") @Nullable String workspaceId,
		@JsonProperty("sudo_user_id") @Nullable String sudoUserId) {

	/**
	 * Id of the workspace that every new API session starts in.
	 */
	public static final String PRODUCTION_WORKSPACE = "production";

	/**
	 * Id of the development workspace of the API user.
	 */
	public static final String DEV_WORKSPACE = "dev";

	public ApiSession {
		can = (can != null) ? Map.copyOf(can) : Map.of();
	}

	/**
	 * Creates a session update that selects the given workspace. Only
	 * {@code workspace_id} is writable, so this is the only field a
	 * {@code PATCH /session} sends.
	 * @param workspaceId the workspace to select
	 * @return a session value with only {@code workspace_id} set
	 */
	public static ApiSession withWorkspace(String workspaceId) {
		return new ApiSession(null, workspaceId, null);
	}

}
