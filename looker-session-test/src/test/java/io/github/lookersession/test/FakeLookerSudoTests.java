package io.github.lookersession.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code POST /login/{user_id}} of {@link FakeLooker}, the login of an admin as
 * another user.
 */
class FakeLookerSudoTests {

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension(FakeLooker.builder()
		.client("admin-id", "admin-secret", Permission.ADMIN)
		.client("viewer-id", "viewer-secret")
		.build());

	private final FakeLooker looker = extension.fakeLooker();

	private final LookerHttp http = new LookerHttp(this.looker);

	@Test
	void usersAreNumberedInOrderOfClients() {
		assertThat(this.looker.userId(FakeLooker.DEFAULT_CLIENT_ID)).isEqualTo("1");
		assertThat(this.looker.userId("admin-id")).isEqualTo("2");
		assertThat(this.looker.userId("viewer-id")).isEqualTo("3");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void adminCanLogInAsAnotherUser(String apiVersion) {
		String adminToken = this.http.loginToken(apiVersion, "admin-id", "admin-secret");

		HttpResponse<String> response = sudo(apiVersion, adminToken, "3");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = LookerHttp.json(response);
		assertThat(body.get("access_token").stringValue()).isNotEqualTo(adminToken);
		assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
	}

	@Test
	void sudoUserIdIsStringInApi40() {
		String adminToken = this.http.loginToken("4.0", "admin-id", "admin-secret");
		String sudoToken = LookerHttp.accessToken(sudo("4.0", adminToken, "3"));

		JsonNode session = LookerHttp.json(this.http.get("4.0", "/session", sudoToken));

		assertThat(session.get("sudo_user_id").isString()).isTrue();
		assertThat(session.get("sudo_user_id").stringValue()).isEqualTo("2");
	}

	@Test
	void sudoUserIdIsIntegerInApi31() {
		String adminToken = this.http.loginToken("3.1", "admin-id", "admin-secret");
		String sudoToken = LookerHttp.accessToken(sudo("3.1", adminToken, "3"));

		JsonNode session = LookerHttp.json(this.http.get("3.1", "/session", sudoToken));

		assertThat(session.get("sudo_user_id").isIntegralNumber()).isTrue();
		assertThat(session.get("sudo_user_id").asLong()).isEqualTo(2);
	}

	@Test
	void sudoSessionStartsInProduction() {
		String adminToken = this.http.loginToken("4.0", "admin-id", "admin-secret");
		this.http.selectWorkspace("4.0", adminToken, "dev");

		String sudoToken = LookerHttp.accessToken(sudo("4.0", adminToken, "1"));

		JsonNode session = LookerHttp.json(this.http.get("4.0", "/session", sudoToken));
		assertThat(session.get("workspace_id").stringValue()).isEqualTo("production");
	}

	@Test
	void sudoSessionHasPermissionsOfTargetUser() {
		String adminToken = this.http.loginToken("4.0", "admin-id", "admin-secret");
		String developerToken = LookerHttp.accessToken(sudo("4.0", adminToken, "1"));
		String viewerToken = LookerHttp.accessToken(sudo("4.0", adminToken, "3"));

		assertThat(this.http.selectWorkspace("4.0", developerToken, "dev").statusCode()).isEqualTo(200);
		assertThat(this.http.selectWorkspace("4.0", viewerToken, "dev").statusCode()).isEqualTo(403);
	}

	@Test
	void sudoAsUserWithoutClientHasNoPermissions() {
		String adminToken = this.http.loginToken("4.0", "admin-id", "admin-secret");

		String sudoToken = LookerHttp.accessToken(sudo("4.0", adminToken, "42"));

		assertThat(this.http.selectWorkspace("4.0", sudoToken, "dev").statusCode()).isEqualTo(403);
	}

	@Test
	void sudoIsJournaledWithNewSession() {
		String adminToken = this.http.loginToken("4.0", "admin-id", "admin-secret");

		String sudoToken = LookerHttp.accessToken(sudo("4.0", adminToken, "3"));

		JournalEntry entry = this.looker.journal().get(1);
		assertThat(entry.endpoint()).isEqualTo("POST /login/3");
		assertThat(entry.sessionId()).isEqualTo(this.looker.sessionId(sudoToken));
		assertThat(entry.clientId()).isEqualTo("admin-id");
		assertThat(entry.workspaceAfter()).isEqualTo("production");
		assertThat(this.looker.loginCount()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void sudoWithoutAdminPermissionIsForbidden(String apiVersion) {
		String token = this.http.loginToken(apiVersion);

		HttpResponse<String> response = sudo(apiVersion, token, "3");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(LookerHttp.json(response).get("message").stringValue()).contains("admin");
		assertThat(LookerHttp.json(response).get("documentation_url").isString()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void sudoWithoutTokenIsUnauthorized(String apiVersion) {
		HttpResponse<String> response = this.http.send("POST", "/api/" + apiVersion + "/login/3", null, null, "");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "0", "-1" })
	void sudoAsInvalidUserIdIsNotFound(String userId) {
		String adminToken = this.http.loginToken("4.0", "admin-id", "admin-secret");

		HttpResponse<String> response = sudo("4.0", adminToken, userId);

		assertThat(response.statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> sudo(String apiVersion, String token, String userId) {
		return this.http.send("POST", "/api/" + apiVersion + "/login/" + userId, LookerHttp.authorization(token), null,
				"");
	}

}
