package io.github.lookersession.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for token expiry and revocation of {@link FakeLooker}.
 */
class FakeLookerExpiryTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void tokenIsValidUntilExactSubSecondLifetimeHasPassed(String apiVersion) {
		try (FakeLooker looker = start(FakeLooker.builder().tokenLifetime(Duration.ofMillis(500)).clock(this.clock))) {
			LookerHttp http = new LookerHttp(looker);
			String token = http.loginToken(apiVersion);

			this.clock.advance(Duration.ofMillis(499));
			HttpResponse<String> beforeExpiry = http.get(apiVersion, "/session", token);
			this.clock.advance(Duration.ofMillis(1));
			HttpResponse<String> atExpiry = http.get(apiVersion, "/session", token);

			assertThat(beforeExpiry.statusCode()).isEqualTo(200);
			assertThat(atExpiry.statusCode()).isEqualTo(401);
			assertThat(LookerHttp.json(atExpiry).get("message").stringValue()).isEqualTo("Requires authentication.");
		}
	}

	@Test
	void tokenExpiresInRealTime() {
		try (FakeLooker looker = start(FakeLooker.builder().tokenLifetime(Duration.ofMillis(200)))) {
			LookerHttp http = new LookerHttp(looker);
			String token = http.loginToken("4.0");

			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> http.get("4.0", "/session", token).statusCode() == 401);

			assertThat(http.login("4.0").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void expiredTokenCannotSelectWorkspaceOrLogOut() {
		try (FakeLooker looker = start(FakeLooker.builder().tokenLifetime(Duration.ofSeconds(1)).clock(this.clock))) {
			LookerHttp http = new LookerHttp(looker);
			String token = http.loginToken("4.0");
			this.clock.advance(Duration.ofSeconds(1));

			assertThat(http.selectWorkspace("4.0", token, "dev").statusCode()).isEqualTo(401);
			assertThat(http.logout("4.0", token).statusCode()).isEqualTo(401);
			assertThat(looker.logoutCount()).isZero();
		}
	}

	@Test
	void expireAllTokensExpiresExistingTokensOnly() {
		try (FakeLooker looker = start(FakeLooker.builder())) {
			LookerHttp http = new LookerHttp(looker);
			String expired = http.loginToken("4.0");

			looker.expireAllTokens();
			String issuedLater = http.loginToken("4.0");

			assertThat(http.get("4.0", "/session", expired).statusCode()).isEqualTo(401);
			assertThat(http.get("4.0", "/session", issuedLater).statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void revokeAllTokensRejectsTokensThatHaveNotExpired(String apiVersion) {
		try (FakeLooker looker = start(FakeLooker.builder())) {
			LookerHttp http = new LookerHttp(looker);
			String first = http.loginToken(apiVersion);
			String second = http.loginToken(apiVersion);

			looker.revokeAllTokens();

			assertThat(http.get(apiVersion, "/session", first).statusCode()).isEqualTo(401);
			assertThat(http.get(apiVersion, "/session", second).statusCode()).isEqualTo(401);
			assertThat(looker.activeSessionCount()).isZero();
			assertThat(looker.unauthorizedCount()).isEqualTo(2);
		}
	}

	@Test
	void loginAfterRevocationIssuesWorkingToken() {
		try (FakeLooker looker = start(FakeLooker.builder())) {
			LookerHttp http = new LookerHttp(looker);
			http.loginToken("4.0");
			looker.revokeAllTokens();

			String token = http.loginToken("4.0");

			assertThat(http.get("4.0", "/session", token).statusCode()).isEqualTo(200);
			assertThat(looker.activeSessionCount()).isOne();
		}
	}

	@Test
	void activeSessionCountFollowsClock() {
		try (FakeLooker looker = start(FakeLooker.builder().tokenLifetime(Duration.ofSeconds(10)).clock(this.clock))) {
			LookerHttp http = new LookerHttp(looker);
			http.loginToken("4.0");
			this.clock.advance(Duration.ofSeconds(5));
			http.loginToken("4.0");

			this.clock.advance(Duration.ofSeconds(5));

			assertThat(looker.activeSessionCount()).isOne();
		}
	}

	@Test
	void journalKeepsSessionOfExpiredToken() {
		try (FakeLooker looker = start(FakeLooker.builder())) {
			LookerHttp http = new LookerHttp(looker);
			String token = http.loginToken("4.0");
			looker.expireAllTokens();

			http.get("4.0", "/session", token);

			JournalEntry entry = looker.journal().get(1);
			assertThat(entry.status()).isEqualTo(401);
			assertThat(entry.sessionId()).isEqualTo(looker.sessionId(token));
			assertThat(entry.workspace()).isEqualTo("production");
		}
	}

	private static FakeLooker start(FakeLooker.Builder builder) {
		FakeLooker looker = builder.build();
		looker.start();
		return looker;
	}

}
