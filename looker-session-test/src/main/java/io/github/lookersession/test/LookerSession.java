package io.github.lookersession.test;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * API session of one access token. Looker creates a new session, in the
 * {@code production} workspace, for every login.
 */
final class LookerSession {

	static final String PRODUCTION = "production";

	static final String DEV = "dev";

	private final String id;

	private final String accessToken;

	private final String clientId;

	private final String userId;

	private final @Nullable String sudoUserId;

	private final Set<Permission> permissions;

	private final Instant expiresAt;

	private volatile String workspace = PRODUCTION;

	private volatile boolean expired;

	private volatile boolean revoked;

	LookerSession(String id, String accessToken, String clientId, String userId, @Nullable String sudoUserId,
			Set<Permission> permissions, Instant expiresAt) {
		this.id = id;
		this.accessToken = accessToken;
		this.clientId = clientId;
		this.userId = userId;
		this.sudoUserId = sudoUserId;
		this.permissions = Set.copyOf(permissions);
		this.expiresAt = expiresAt;
	}

	String id() {
		return this.id;
	}

	String accessToken() {
		return this.accessToken;
	}

	String clientId() {
		return this.clientId;
	}

	String userId() {
		return this.userId;
	}

	/**
	 * Returns the id of the admin user who logged in as {@link #userId()}, or
	 * {@code null} if this is not a sudo session.
	 */
	@Nullable String sudoUserId() {
		return this.sudoUserId;
	}

	boolean hasPermission(Permission permission) {
		return this.permissions.contains(permission);
	}

	String workspace() {
		return this.workspace;
	}

	/**
	 * Selects a workspace and returns the one that was selected before.
	 */
	synchronized String selectWorkspace(String workspace) {
		String previous = this.workspace;
		this.workspace = workspace;
		return previous;
	}

	/**
	 * Returns whether the token may still be used: it is not revoked, not expired by
	 * {@link #expire()}, and {@code now} is before its expiry instant.
	 */
	boolean isActive(Instant now) {
		return !this.revoked && !this.expired && now.isBefore(this.expiresAt);
	}

	void expire() {
		this.expired = true;
	}

	void revoke() {
		this.revoked = true;
	}

}
