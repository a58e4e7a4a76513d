package io.github.lookersession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.lookersession.http.LookerRetryPolicy;
import io.github.lookersession.test.Fault;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for retries against the fake Looker. Bursts of 503 and 429 responses are retried
 * with backoff, a persistent outage keeps a single login in flight, and no request runs
 * in a session that is not yet in the desired workspace.
 */
class RetryInvariantTests {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final LookerRetryPolicy RETRY = new LookerRetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

	private final FakeLooker looker = FakeLooker.builder().build();

	@RegisterExtension
	NoSecretsInLogs noSecrets = new NoSecretsInLogs(() -> {
		List<String> secrets = new ArrayList<>(this.looker.issuedAccessTokens());
		secrets.add(FakeLooker.DEFAULT_CLIENT_SECRET);
		return secrets;
	});

	@BeforeEach
	void startLooker() {
		this.looker.start();
	}

	@AfterEach
	void stopLooker() {
		this.looker.stop();
	}

	private LookerSessionClient client() {
		return LookerClientFixture.forBaseUrl(this.looker.baseUrl())
			.credentials(FakeLooker.DEFAULT_CLIENT_ID, FakeLooker.DEFAULT_CLIENT_SECRET)
			.workspace("dev")
			.retryPolicy(RETRY)
			.build()
			.client();
	}

	private void assertNoRequestOutsideDev() {
		List<JournalEntry> apiRequests = this.looker.journal()
			.stream()
			.filter((entry) -> entry.hasResponse() && entry.status() < 400)
			.filter((entry) -> !entry.apiPath().startsWith("/login") && !entry.endpoint().equals("PATCH /session")
					&& !entry.endpoint().equals("DELETE /logout"))
			.toList();
		assertThat(apiRequests).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.workspace()).as("workspace of %s", entry).isEqualTo("dev"));
	}

	private static Duration gap(JournalEntry earlier, JournalEntry later) {
		return Duration.between(earlier.arrivedAt(), later.arrivedAt());
	}

	@Test
	void serviceUnavailableBurstOnGetIsRetried() {
		LookerSessionClient client = client();
		client.getSession().block(TIMEOUT);
		this.looker.injectFault("GET /session", Fault.response(503, "{\"message\":\"Unavailable\"}",
				"application/json"), 2);

		ApiSession session = client.getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		List<JournalEntry> gets = this.looker.journal()
			.stream()
			.filter((entry) -> entry.endpoint().equals("GET /session"))
			.toList();
		assertThat(gets).extracting(JournalEntry::status).containsExactly(200, 503, 503, 200);
		assertThat(gap(gets.get(1), gets.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(gap(gets.get(2), gets.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertNoRequestOutsideDev();
	}

	@Test
	void serviceUnavailableOnWorkspacePatchIsRetried() {
		this.looker.injectFault("PATCH /session", Fault.response(503, "", null), 2);

		ApiSession session = client().getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		assertThat(this.looker.loginCount()).isEqualTo(1);
		assertThat(this.looker.journal()).extracting(JournalEntry::endpoint)
			.containsExactly("POST /login", "PATCH /session", "PATCH /session", "PATCH /session", "GET /session");
		assertNoRequestOutsideDev();
	}

	@Test
	void serviceUnavailableBurstUnderConcurrencyIsRetried() {
		LookerSessionClient client = client();
		client.getSession().block(TIMEOUT);
		this.looker.injectFault("GET /session", Fault.response(503, "", null), 20);

		List<ApiSession> sessions = Flux.range(0, 50)
			.flatMap((i) -> client.getSession().subscribeOn(Schedulers.parallel()), 50)
			.collectList()
			.block(TIMEOUT);

		assertThat(sessions).hasSize(50).allSatisfy((session) -> assertThat(session.workspaceId()).isEqualTo("dev"));
		assertThat(this.looker.loginCount()).isEqualTo(1);
		assertNoRequestOutsideDev();
	}

	@Test
	void rateLimitWithRetryAfterIsRetried() {
		LookerSessionClient client = client();
		client.getSession().block(TIMEOUT);
		this.looker.injectFault("GET /session", Fault.tooManyRequests(Duration.ofSeconds(1)), 1);

		ApiSession session = client.getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		List<JournalEntry> gets = this.looker.journal()
			.stream()
			.filter((entry) -> entry.endpoint().equals("GET /session"))
			.toList();
		assertThat(gets).extracting(JournalEntry::status).containsExactly(200, 429, 200);
		assertThat(gap(gets.get(1), gets.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void rateLimitWithoutRetryAfterBacksOff() {
		LookerSessionClient client = client();
		client.getSession().block(TIMEOUT);
		this.looker.injectFault("GET /session", Fault.tooManyRequests(), 3);

		LookerRateLimitException ex = catchThrowableOfType(LookerRateLimitException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getRetryAfter()).isNull();
		assertThat(ex.getPath()).isEqualTo("/api/4.0/session");
		List<JournalEntry> limited = this.looker.journal()
			.stream()
			.filter((entry) -> entry.status() == 429)
			.toList();
		assertThat(limited).hasSize(3);
		assertThat(gap(limited.get(0), limited.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(gap(limited.get(1), limited.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
	}

	@Test
	void rateLimitOnLoginIsRetried() {
		this.looker.injectFault("POST /login", Fault.tooManyRequests(), 1);

		ApiSession session = client().getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		assertThat(this.looker.loginAttemptCount()).isEqualTo(2);
		assertThat(this.looker.loginCount()).isEqualTo(1);
	}

	@Test
	void persistentOutageKeepsOneLoginInFlight() {
		this.looker.injectFault("POST /login", Fault.response(503, "<html>down</html>", "text/html"));
		LookerSessionClient client = client();
		AtomicInteger failures = new AtomicInteger();

		Flux.range(0, 20)
			.flatMap((i) -> client.getSession()
				.subscribeOn(Schedulers.parallel())
				.onErrorResume(LookerApiException.class, (ex) -> {
					if (ex.getStatusCode() != null && ex.getStatusCode().value() == 503) {
						failures.incrementAndGet();
					}
					return Mono.empty();
				}), 20)
			.blockLast(TIMEOUT);

		assertThat(failures.get()).isEqualTo(20);
		assertThat(this.looker.peakConcurrentLogins()).isEqualTo(1);
		assertThat(this.looker.loginAttemptCount()).isEqualTo(3);
		List<JournalEntry> logins = this.looker.journal();
		assertThat(gap(logins.get(0), logins.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(gap(logins.get(1), logins.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(100));

		catchThrowableOfType(LookerApiException.class, () -> client.getSession().block(TIMEOUT));

		assertThat(this.looker.loginAttemptCount()).isEqualTo(6);
		assertThat(this.looker.peakConcurrentLogins()).isEqualTo(1);
	}

	@Test
	void connectionResetOnPatchIsRetried() {
		this.looker.injectFault("PATCH /session", Fault.connectionReset(), 1);

		ApiSession session = client().getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		assertThat(this.looker.sessionPatchCount()).isGreaterThanOrEqualTo(1);
		assertNoRequestOutsideDev();
	}

}
