package io.github.lookersession.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code DELETE /logout} of {@link FakeLooker}.
 */
class FakeLookerLogoutTests {

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension();

	private final FakeLooker looker = extension.fakeLooker();

	private final LookerHttp http = new LookerHttp(this.looker);

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void logoutRevokesToken(String apiVersion) {
		String token = this.http.loginToken(apiVersion);

		HttpResponse<String> logout = this.http.logout(apiVersion, token);
		HttpResponse<String> afterLogout = this.http.get(apiVersion, "/session", token);

		assertThat(logout.statusCode()).isEqualTo(204);
		assertThat(logout.body()).isEmpty();
		assertThat(afterLogout.statusCode()).isEqualTo(401);
	}

	@Test
	void logoutKeepsOtherTokensValid() {
		String revoked = this.http.loginToken("4.0");
		String kept = this.http.loginToken("4.0");

		this.http.logout("4.0", revoked);

		assertThat(this.http.get("4.0", "/session", kept).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void logoutWithRevokedTokenIsUnauthorized(String apiVersion) {
		String token = this.http.loginToken(apiVersion);
		this.http.logout(apiVersion, token);

		HttpResponse<String> second = this.http.logout(apiVersion, token);

		assertThat(second.statusCode()).isEqualTo(401);
		assertThat(LookerHttp.json(second).get("message").stringValue()).isEqualTo("Requires authentication.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void logoutWithUnknownTokenIsUnauthorized(String apiVersion) {
		assertThat(this.http.logout(apiVersion, "unknown-token").statusCode()).isEqualTo(401);
	}

	@Test
	void logoutWithoutTokenIsUnauthorized() {
		assertThat(this.http.logout("4.0", null).statusCode()).isEqualTo(401);
	}

	@Test
	void logoutIsCountedOnlyWhenSuccessful() {
		String token = this.http.loginToken("4.0");

		this.http.logout("4.0", token);
		this.http.logout("4.0", token);

		assertThat(this.looker.logoutCount()).isOne();
		assertThat(this.looker.unauthorizedCount()).isOne();
	}

	@Test
	void logoutReducesActiveSessions() {
		String token = this.http.loginToken("4.0");
		int activeSessions = this.looker.activeSessionCount();

		this.http.logout("4.0", token);

		assertThat(this.looker.activeSessionCount()).isEqualTo(activeSessions - 1);
	}

}
