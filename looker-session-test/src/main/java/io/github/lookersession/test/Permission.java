package io.github.lookersession.test;

/**
 * Permissions that a {@link FakeLooker} client may have.
 *
 * <p>
 * The permissions are independent of each other: unlike the Admin role of a real Looker
 * instance, {@link #ADMIN} does not include {@link #DEVELOP}.
 *
 * @see FakeLooker.Builder#client(String, String, Permission...)
 */
public enum Permission {

	/**
	 * Allows the client's API sessions to select the {@code dev} workspace.
	 */
	DEVELOP,

	/**
	 * Allows the client to log in as another user through {@code POST /login/{user_id}}.
	 */
	ADMIN

}
