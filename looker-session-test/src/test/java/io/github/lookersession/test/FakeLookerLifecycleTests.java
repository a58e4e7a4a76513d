package io.github.lookersession.test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for starting, stopping and building a {@link FakeLooker}.
 */
class FakeLookerLifecycleTests {

	@Test
	void baseUrlBeforeStartIsRejected() {
		FakeLooker looker = FakeLooker.builder().build();

		assertThatIllegalStateException().isThrownBy(looker::baseUrl).withMessageContaining("start()");
		assertThat(looker.isRunning()).isFalse();
	}

	@Test
	void startBindsLoopbackAddress() {
		try (FakeLooker looker = FakeLooker.builder().build()) {
			looker.start();

			assertThat(looker.isRunning()).isTrue();
			assertThat(looker.port()).isPositive();
			assertThat(looker.baseUrl()).isEqualTo("http://127.0.0.1:" + looker.port());
		}
	}

	@Test
	void startWhileRunningIsRejected() {
		try (FakeLooker looker = FakeLooker.builder().build()) {
			looker.start();

			assertThatIllegalStateException().isThrownBy(looker::start).withMessageContaining("already running");
		}
	}

	@Test
	void stopWhenNotRunningDoesNothing() {
		FakeLooker looker = FakeLooker.builder().build();

		looker.stop();
		looker.close();

		assertThat(looker.isRunning()).isFalse();
	}

	@Test
	void stoppedFakeRefusesConnections() {
		FakeLooker looker = FakeLooker.builder().build();
		looker.start();
		LookerHttp http = new LookerHttp(looker);

		looker.stop();

		assertThat(looker.isRunning()).isFalse();
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> http.login("4.0"))
			.withCauseInstanceOf(ConnectException.class);
	}

	@Test
	void restartBindsSamePortAndKeepsTokens() {
		try (FakeLooker looker = FakeLooker.builder().build()) {
			looker.start();
			int port = looker.port();
			LookerHttp http = new LookerHttp(looker);
			String token = http.loginToken("4.0");
			http.selectWorkspace("4.0", token, "dev");

			looker.stop();
			looker.start();

			assertThat(looker.port()).isEqualTo(port);
			assertThat(LookerHttp.json(http.get("4.0", "/session", token)).get("workspace_id").stringValue())
				.isEqualTo("dev");
		}
	}

	@Test
	void clientWithIdOfDefaultClientReplacesIt() {
		try (FakeLooker looker = FakeLooker.builder().client(FakeLooker.DEFAULT_CLIENT_ID, "new-secret").build()) {
			looker.start();
			LookerHttp http = new LookerHttp(looker);

			String token = http.loginToken("4.0", FakeLooker.DEFAULT_CLIENT_ID, "new-secret");

			assertThat(http.login("4.0").statusCode()).isEqualTo(404);
			assertThat(http.selectWorkspace("4.0", token, "dev").statusCode()).isEqualTo(403);
			assertThat(looker.userId(FakeLooker.DEFAULT_CLIENT_ID)).isEqualTo("1");
		}
	}

	@Test
	void toStringDoesNotContainSecret() {
		try (FakeLooker looker = FakeLooker.builder().build()) {
			looker.start();

			assertThat(looker.toString()).contains(looker.baseUrl()).doesNotContain(FakeLooker.DEFAULT_CLIENT_SECRET);
		}
	}

	@Test
	void builderRejectsInvalidTokenLifetime() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLooker.builder().tokenLifetime(Duration.ZERO))
			.withMessageContaining("tokenLifetime must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeLooker.builder().tokenLifetime(Duration.ofMillis(-1)));
	}

	@Test
	void builderRejectsBlankCredentials() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLooker.builder().client(" ", "secret"))
			.withMessageContaining("clientId must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLooker.builder().client("id", ""))
			.withMessageContaining("clientSecret must not be blank");
	}

	@Test
	void builderRejectsModelNameWithSlash() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLooker.builder().lookmlModel("a/b"))
			.withMessageContaining("'a/b'");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLooker.builder().devOnlyLookmlModel("a/b"));
	}

	@Test
	void builderRejectsInvalidPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLooker.builder().port(65536))
			.withMessageContaining("port must be between 0 and 65535");
	}

	@Test
	void faultRejectsInvalidStatus() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.emptyResponse(99))
			.withMessageContaining("between 100 and 599");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.response(600, "", null));
	}

	@Test
	void connectionResetCannotHaveHeaders() {
		assertThatIllegalStateException().isThrownBy(() -> Fault.connectionReset().withHeader("Retry-After", "1"));
	}

}
