package io.github.lookersession.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the journal and the counters of {@link FakeLooker}.
 */
class FakeLookerJournalTests {

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension(
			FakeLooker.builder().client("viewer-id", "viewer-secret").build());

	private final FakeLooker looker = extension.fakeLooker();

	private final LookerHttp http = new LookerHttp(this.looker);

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void journalRecordsLoginPatchAndGetInOrder(String apiVersion) {
		String token = this.http.loginToken(apiVersion);
		this.http.selectWorkspace(apiVersion, token, "dev");
		this.http.get(apiVersion, "/lookml_models/dev_only_model", token);

		List<JournalEntry> journal = this.looker.journal();

		assertThat(journal).extracting(JournalEntry::endpoint)
			.containsExactly("POST /login", "PATCH /session", "GET /lookml_models/dev_only_model");
		assertThat(journal).extracting(JournalEntry::status).containsExactly(200, 200, 200);
		assertThat(journal).extracting(JournalEntry::apiVersion).containsOnly(apiVersion);
		assertThat(journal).extracting(JournalEntry::sessionId).containsOnly(this.looker.sessionId(token));
		assertThat(journal).extracting(JournalEntry::clientId).containsOnly(FakeLooker.DEFAULT_CLIENT_ID);
		assertThat(journal).extracting(JournalEntry::faultInjected).containsOnly(false);
	}

	@Test
	void journalRecordsWorkspaceBeforeAndAfterEachRequest() {
		String token = this.http.loginToken("4.0");
		this.http.get("4.0", "/session", token);
		this.http.selectWorkspace("4.0", token, "dev");
		this.http.get("4.0", "/session", token);

		List<JournalEntry> journal = this.looker.journal();

		assertThat(journal).extracting(JournalEntry::workspace).containsExactly(null, "production", "production", "dev");
		assertThat(journal).extracting(JournalEntry::workspaceAfter)
			.containsExactly("production", "production", "dev", "dev");
	}

	@Test
	void journalRecordsWorkspaceOfRejectedPatch() {
		String token = this.http.loginToken("4.0", "viewer-id", "viewer-secret");
		this.http.selectWorkspace("4.0", token, "dev");

		JournalEntry patch = this.looker.journal().get(1);

		assertThat(patch.status()).isEqualTo(403);
		assertThat(patch.workspace()).isEqualTo("production");
		assertThat(patch.workspaceAfter()).isEqualTo("production");
		assertThat(patch.clientId()).isEqualTo("viewer-id");
	}

	@Test
	void journalRecordsPathWithoutQuery() {
		String token = this.http.loginToken("4.0");

		this.http.get("4.0", "/session?fields=workspace_id", token);

		JournalEntry entry = this.looker.journal().get(1);
		assertThat(entry.path()).isEqualTo("/api/4.0/session");
		assertThat(entry.apiPath()).isEqualTo("/session");
		assertThat(entry.method()).isEqualTo("GET");
	}

	@Test
	void journalRecordsRequestWithoutTokenWithoutSession() {
		this.http.get("3.1", "/session", null);

		JournalEntry entry = this.looker.journal().get(0);

		assertThat(entry.status()).isEqualTo(401);
		assertThat(entry.sessionId()).isNull();
		assertThat(entry.clientId()).isNull();
		assertThat(entry.workspace()).isNull();
		assertThat(entry.workspaceAfter()).isNull();
	}

	@Test
	void journalRecordsPathOutsideApiRoot() {
		this.http.send("POST", "/login", null, LookerHttp.FORM, "");

		JournalEntry entry = this.looker.journal().get(0);

		assertThat(entry.apiVersion()).isNull();
		assertThat(entry.endpoint()).isEqualTo("POST /login");
		assertThat(entry.status()).isEqualTo(403);
		assertThat(this.looker.loginAttemptCount()).isZero();
	}

	@Test
	void journalEntriesHaveIncreasingSequenceAndOrderedInstants() {
		String token = this.http.loginToken("4.0");
		this.http.get("4.0", "/session", token);
		this.http.get("4.0", "/session", token);

		List<JournalEntry> journal = this.looker.journal();

		assertThat(journal).extracting(JournalEntry::sequence).isSorted().doesNotHaveDuplicates();
		for (JournalEntry entry : journal) {
			assertThat(entry.completedAt()).isAfterOrEqualTo(entry.arrivedAt());
		}
		assertThat(journal.get(1).arrivedAt()).isAfterOrEqualTo(journal.get(0).completedAt());
	}

	@Test
	void journalUsesConfiguredClock() {
		Instant now = Instant.parse("2030-06-01T12:00:00Z");
		try (FakeLooker looker = FakeLooker.builder().clock(new MutableClock(now)).build()) {
			looker.start();

			new LookerHttp(looker).login("4.0");

			assertThat(looker.journal().get(0).arrivedAt()).isEqualTo(now);
			assertThat(looker.journal().get(0).completedAt()).isEqualTo(now);
		}
	}

	@Test
	void journalIsImmutableSnapshot() {
		this.http.login("4.0");
		List<JournalEntry> journal = this.looker.journal();

		this.http.login("4.0");

		assertThat(journal).hasSize(1);
		assertThat(this.looker.journal()).hasSize(2);
	}

	@Test
	void countersCountEachKindOfRequest() {
		String token = this.http.loginToken("4.0");
		this.http.login("4.0", "unknown-id", "secret");
		this.http.selectWorkspace("4.0", token, "dev");
		this.http.selectWorkspace("4.0", token, "staging");
		this.http.get("4.0", "/session", "unknown-token");
		this.http.logout("4.0", token);
		this.http.logout("4.0", token);

		assertThat(this.looker.loginCount()).isOne();
		assertThat(this.looker.loginAttemptCount()).isEqualTo(2);
		assertThat(this.looker.sessionPatchCount()).isEqualTo(2);
		assertThat(this.looker.unauthorizedCount()).isEqualTo(2);
		assertThat(this.looker.logoutCount()).isOne();
	}

	@Test
	void resetClearsJournalAndCountersButKeepsTokens() {
		String token = this.http.loginToken("4.0");
		this.http.selectWorkspace("4.0", token, "dev");
		this.http.get("4.0", "/session", null);

		this.looker.reset();

		assertThat(this.looker.journal()).isEmpty();
		assertThat(this.looker.loginCount()).isZero();
		assertThat(this.looker.loginAttemptCount()).isZero();
		assertThat(this.looker.sessionPatchCount()).isZero();
		assertThat(this.looker.unauthorizedCount()).isZero();
		assertThat(this.looker.peakConcurrentLogins()).isZero();
		assertThat(LookerHttp.json(this.http.get("4.0", "/session", token)).get("workspace_id").stringValue())
			.isEqualTo("dev");
	}

	@Test
	void sequenceContinuesAfterReset() {
		this.http.login("4.0");
		long before = this.looker.journal().get(0).sequence();
		this.looker.reset();

		this.http.login("4.0");

		assertThat(this.looker.journal().get(0).sequence()).isGreaterThan(before);
	}

	@Test
	void peakConcurrentLoginsCountsOverlappingLogins() {
		this.looker.setLatency("POST /login", Duration.ofMillis(500));
		String body = LookerHttp.form(FakeLooker.DEFAULT_CLIENT_ID, FakeLooker.DEFAULT_CLIENT_SECRET);

		List<CompletableFuture<HttpResponse<String>>> logins = IntStream.range(0, 4)
			.mapToObj((i) -> this.http.sendAsync("POST", "/api/4.0/login", null, LookerHttp.FORM, body))
			.toList();
		CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).join();

		assertThat(logins).allSatisfy((login) -> assertThat(login.join().statusCode()).isEqualTo(200));
		assertThat(this.looker.peakConcurrentLogins()).isEqualTo(4);
		assertThat(this.looker.loginCount()).isEqualTo(4);
	}

	@Test
	void peakConcurrentLoginsIsOneForSequentialLogins() {
		this.http.login("4.0");
		this.http.login("3.1");

		assertThat(this.looker.peakConcurrentLogins()).isOne();
	}

}
