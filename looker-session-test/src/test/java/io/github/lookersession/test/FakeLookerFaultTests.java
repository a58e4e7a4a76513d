package io.github.lookersession.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for fault injection and latency of {@link FakeLooker}.
 */
class FakeLookerFaultTests {

	private static final String HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>";

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension();

	private final FakeLooker looker = extension.fakeLooker();

	private final LookerHttp http = new LookerHttp(this.looker);

	@Test
	void rawBodyFaultReplacesResponseOnce() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("GET /session", Fault.response(502, HTML, "text/html"), 1);

		HttpResponse<String> faulted = this.http.get("4.0", "/session", token);
		HttpResponse<String> next = this.http.get("4.0", "/session", token);

		assertThat(faulted.statusCode()).isEqualTo(502);
		assertThat(faulted.body()).isEqualTo(HTML);
		assertThat(faulted.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(next.statusCode()).isEqualTo(200);
	}

	@Test
	void faultWithCountAnswersThatManyRequests() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("GET /session", Fault.emptyResponse(503), 3);

		List<Integer> statuses = List.of(this.http.get("4.0", "/session", token).statusCode(),
				this.http.get("4.0", "/session", token).statusCode(),
				this.http.get("4.0", "/session", token).statusCode(),
				this.http.get("4.0", "/session", token).statusCode());

		assertThat(statuses).containsExactly(503, 503, 503, 200);
	}

	@Test
	void faultWithoutCountLastsUntilCleared() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("GET /session", Fault.emptyResponse(503));

		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("4.0", "/session", token).statusCode()).isEqualTo(503);
		}
		this.looker.clearFaults();

		assertThat(this.http.get("4.0", "/session", token).statusCode()).isEqualTo(200);
	}

	@Test
	void faultOnlyMatchesItsEndpoint() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("PATCH /session", Fault.emptyResponse(500));

		HttpResponse<String> get = this.http.get("4.0", "/session", token);
		HttpResponse<String> patch = this.http.selectWorkspace("4.0", token, "dev");

		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(patch.statusCode()).isEqualTo(500);
	}

	@Test
	void faultMatchesBothApiVersions() {
		this.looker.injectFault("POST /login", Fault.emptyResponse(503));

		assertThat(this.http.login("4.0").statusCode()).isEqualTo(503);
		assertThat(this.http.login("3.1").statusCode()).isEqualTo(503);
	}

	@Test
	void faultWithAnyMethodMatchesEveryMethod() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("* /session", Fault.emptyResponse(500));

		assertThat(this.http.get("4.0", "/session", token).statusCode()).isEqualTo(500);
		assertThat(this.http.selectWorkspace("4.0", token, "dev").statusCode()).isEqualTo(500);
		assertThat(this.http.logout("4.0", token).statusCode()).isEqualTo(204);
	}

	@Test
	void faultForEveryRequestMatchesLogin() {
		this.looker.injectFault("*", Fault.emptyResponse(500), 1);

		assertThat(this.http.login("4.0").statusCode()).isEqualTo(500);
		assertThat(this.http.login("4.0").statusCode()).isEqualTo(200);
	}

	@Test
	void faultsForSameEndpointAnswerInOrder() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("GET /session", Fault.tooManyRequests(), 1);
		this.looker.injectFault("GET /session", Fault.emptyResponse(503), 1);

		List<Integer> statuses = List.of(this.http.get("4.0", "/session", token).statusCode(),
				this.http.get("4.0", "/session", token).statusCode(),
				this.http.get("4.0", "/session", token).statusCode());

		assertThat(statuses).containsExactly(429, 503, 200);
	}

	@Test
	void tooManyRequestsWithoutRetryAfter() {
		this.looker.injectFault("POST /login", Fault.tooManyRequests(), 1);

		HttpResponse<String> response = this.http.login("4.0");

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(LookerHttp.json(response).get("message").stringValue()).isEqualTo("Too Many Requests");
		assertThat(LookerHttp.json(response).get("documentation_url").isString()).isTrue();
	}

	@Test
	void tooManyRequestsWithRetryAfter() {
		this.looker.injectFault("POST /login", Fault.tooManyRequests(Duration.ofMillis(1500)), 1);

		HttpResponse<String> response = this.http.login("4.0");

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
	}

	@Test
	void faultWithHeaderSendsHeader() {
		this.looker.injectFault("POST /login",
				Fault.response(503, "", null).withHeader("Retry-After", "Wed, 21 Oct 2065 07:28:00 GMT"), 1);

		HttpResponse<String> response = this.http.login("4.0");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("Wed, 21 Oct 2065 07:28:00 GMT");
	}

	@Test
	void emptyResponseHasNoBody() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("GET /session", Fault.emptyResponse(200), 1);

		HttpResponse<String> response = this.http.get("4.0", "/session", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("Content-Type")).isEmpty();
	}

	@Test
	void truncatedJsonIsSentAsGiven() {
		String truncated = "{\"access_token\":\"abc\",\"token_ty";
		this.looker.injectFault("POST /login", Fault.response(200, truncated, "application/json"), 1);

		HttpResponse<String> response = this.http.login("4.0");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(truncated);
		assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(truncated.length()));
	}

	@Test
	void connectionResetClosesConnectionWithoutResponse() {
		this.looker.injectFault("POST /login", Fault.connectionReset(), 1);

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.http.login("4.0"))
			.withCauseInstanceOf(IOException.class);
		assertThat(this.http.login("4.0").statusCode()).isEqualTo(200);
	}

	@Test
	void connectionResetSendsTcpReset() throws IOException {
		this.looker.injectFault("GET /session", Fault.connectionReset(), 1);

		try (Socket socket = new Socket("127.0.0.1", this.looker.port())) {
			socket.setSoTimeout(5000);
			OutputStream output = socket.getOutputStream();
			output.write("GET /api/4.0/session HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			output.flush();

			assertThatExceptionOfType(SocketException.class).isThrownBy(() -> socket.getInputStream().read())
				.withMessageContaining("Connection reset");
		}
	}

	@Test
	void connectionResetIsJournaledWithoutStatus() {
		this.looker.injectFault("POST /login", Fault.connectionReset(), 1);

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.http.login("4.0"));

		JournalEntry entry = this.looker.journal().get(0);
		assertThat(entry.status()).isZero();
		assertThat(entry.hasResponse()).isFalse();
		assertThat(entry.faultInjected()).isTrue();
	}

	@Test
	void faultedLoginCreatesNoSession() {
		int activeSessions = this.looker.activeSessionCount();
		this.looker.injectFault("POST /login", Fault.response(200, "{}", "application/json"), 1);

		this.http.login("4.0");

		assertThat(this.looker.activeSessionCount()).isEqualTo(activeSessions);
		assertThat(this.looker.loginAttemptCount()).isOne();
		assertThat(this.looker.loginCount()).isZero();
	}

	@Test
	void faultedPatchLeavesWorkspaceUnchanged() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("PATCH /session", Fault.emptyResponse(500), 1);

		this.http.selectWorkspace("4.0", token, "dev");

		assertThat(LookerHttp.json(this.http.get("4.0", "/session", token)).get("workspace_id").stringValue())
			.isEqualTo("production");
		assertThat(this.looker.sessionPatchCount()).isOne();
	}

	@Test
	void faultedRequestIsJournaledWithSessionOfToken() {
		String token = this.http.loginToken("4.0");
		this.looker.injectFault("GET /session", Fault.emptyResponse(401), 1);

		this.http.get("4.0", "/session", token);

		JournalEntry entry = this.looker.journal().get(1);
		assertThat(entry.sessionId()).isEqualTo(this.looker.sessionId(token));
		assertThat(entry.workspace()).isEqualTo("production");
		assertThat(entry.status()).isEqualTo(401);
		assertThat(entry.faultInjected()).isTrue();
		assertThat(this.looker.unauthorizedCount()).isOne();
	}

	@Test
	void invalidEndpointIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.looker.injectFault("/session", Fault.tooManyRequests()))
			.withMessageContaining("'/session'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.looker.injectFault("GET session", Fault.tooManyRequests()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.looker.setLatency("", Duration.ZERO));
	}

	@Test
	void countBelowOneIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.looker.injectFault("GET /session", Fault.tooManyRequests(), 0))
			.withMessageContaining("count must be at least 1");
	}

	@Test
	void latencyForEndpointDelaysOnlyThatEndpoint() {
		String token = this.http.loginToken("4.0");
		this.looker.setLatency("GET /session", Duration.ofMillis(300));

		this.http.get("4.0", "/session", token);
		this.http.loginToken("4.0");

		List<JournalEntry> journal = this.looker.journal();
		assertThat(elapsed(journal.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(elapsed(journal.get(2))).isLessThan(Duration.ofMillis(300));
	}

	@Test
	void latencyForEveryRequestDelaysLogin() {
		this.looker.setLatency(Duration.ofMillis(200));

		this.http.login("3.1");

		assertThat(elapsed(this.looker.journal().get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void endpointLatencyOverridesGlobalLatency() {
		this.looker.setLatency(Duration.ofMillis(400));
		this.looker.setLatency("POST /login", Duration.ZERO);

		this.http.login("4.0");

		assertThat(elapsed(this.looker.journal().get(0))).isLessThan(Duration.ofMillis(400));
	}

	@Test
	void clearLatencyRemovesDelays() {
		this.looker.setLatency(Duration.ofMillis(400));
		this.looker.clearLatency();

		this.http.login("4.0");

		assertThat(elapsed(this.looker.journal().get(0))).isLessThan(Duration.ofMillis(400));
	}

	@Test
	void latencyAppliesToFaults() {
		this.looker.setLatency("POST /login", Duration.ofMillis(200));
		this.looker.injectFault("POST /login", Fault.tooManyRequests(), 1);

		this.http.login("4.0");

		assertThat(elapsed(this.looker.journal().get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void negativeLatencyIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.looker.setLatency(Duration.ofMillis(-1)))
			.withMessageContaining("must not be negative");
	}

	private static Duration elapsed(JournalEntry entry) {
		return Duration.between(entry.arrivedAt(), entry.completedAt());
	}

}
