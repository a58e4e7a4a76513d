package io.github.lookersession.test;

import java.util.Set;

/**
 * API credentials that a {@link FakeLooker} accepts, and the user they belong to.
 *
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param userId the id of the Looker user that owns the credentials
 * @param permissions the permissions of that user
 */
record ClientRegistration(String clientId, String clientSecret, String userId, Set<Permission> permissions) {

	@Override
	public String toString() {
		return "ClientRegistration[clientId=" + this.clientId + ", userId=" + this.userId + ", permissions="
				+ this.permissions + "]";
	}

}
