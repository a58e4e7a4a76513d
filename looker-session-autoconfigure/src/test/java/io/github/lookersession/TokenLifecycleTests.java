package io.github.lookersession;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.lookersession.test.Fault;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for the token lifecycle against the fake Looker: single-flight login, post-login
 * workspace selection, expiry, 401 replay and failures. Each test checks, from the fake's
 * journal, that no request other than login, PATCH and logout ran in a session that was
 * not yet in the desired workspace.
 */
class TokenLifecycleTests {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final String MODEL_PATH = "/lookml_models/" + FakeLooker.DEFAULT_DEV_ONLY_LOOKML_MODEL;

	private final MutableClock clock = new MutableClock();

	private FakeLooker looker;

	@AfterEach
	void stopLooker() {
		if (this.looker != null) {
			this.looker.stop();
		}
	}

	private FakeLooker startLooker(Duration tokenLifetime) {
		this.looker = FakeLooker.builder()
			.tokenLifetime(tokenLifetime)
			.clock(this.clock)
			.client("no-develop-id", "no-develop-secret")
			.build();
		this.looker.start();
		return this.looker;
	}

	private LookerClientFixture fixture() {
		return LookerClientFixture.forBaseUrl(this.looker.baseUrl())
			.credentials(FakeLooker.DEFAULT_CLIENT_ID, FakeLooker.DEFAULT_CLIENT_SECRET)
			.refreshMargin(Duration.ofSeconds(60))
			.clock(this.clock);
	}

	private static List<ApiSession> concurrently(int count, Mono<ApiSession> call) {
		return Flux.range(0, count)
			.flatMap((i) -> call.subscribeOn(Schedulers.parallel()), count)
			.collectList()
			.block(TIMEOUT);
	}

	private List<JournalEntry> apiRequests() {
		return this.looker.journal()
			.stream()
			.filter((entry) -> !entry.apiPath().startsWith("/login") && !entry.apiPath().equals("/logout"))
			.filter((entry) -> !entry.endpoint().equals("PATCH /session"))
			.toList();
	}

	private void assertEveryApiRequestRanIn(String workspace) {
		assertThat(apiRequests()).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.workspace()).as("workspace of %s", entry).isEqualTo(workspace));
	}

	@Test
	void coldBurstSharesOneLoginAndOnePatch() {
		startLooker(Duration.ofHours(1));
		this.looker.setLatency("POST /login", Duration.ofMillis(300));
		LookerSessionClient client = fixture().workspace("dev").build().client();

		List<ApiSession> sessions = concurrently(500, client.getSession());

		assertThat(sessions).hasSize(500).allSatisfy((session) -> assertThat(session.workspaceId()).isEqualTo("dev"));
		assertThat(this.looker.loginAttemptCount()).isEqualTo(1);
		assertThat(this.looker.sessionPatchCount()).isEqualTo(1);
		assertEveryApiRequestRanIn("dev");
		JournalEntry patch = this.looker.journal()
			.stream()
			.filter((entry) -> entry.endpoint().equals("PATCH /session"))
			.findFirst()
			.orElseThrow();
		assertThat(apiRequests()).hasSize(500)
			.allSatisfy((entry) -> assertThat(entry.arrivedAt()).isAfterOrEqualTo(patch.completedAt()))
			.allSatisfy((entry) -> assertThat(entry.sequence()).isGreaterThan(patch.sequence()));
	}

	@Test
	void coldBurstThroughWebClientSharesOneLoginAndOnePatch() {
		startLooker(Duration.ofHours(1));
		this.looker.setLatency("POST /login", Duration.ofMillis(300));
		LookerSessionClient client = fixture().workspace("dev").build().client();
		Mono<String> call = Mono
			.defer(() -> client.getWebClient().get().uri(MODEL_PATH).retrieve().bodyToMono(String.class));

		List<String> models = Flux.range(0, 200)
			.flatMap((i) -> call.subscribeOn(Schedulers.parallel()), 200)
			.collectList()
			.block(TIMEOUT);

		assertThat(models).hasSize(200);
		assertThat(this.looker.loginAttemptCount()).isEqualTo(1);
		assertThat(this.looker.sessionPatchCount()).isEqualTo(1);
		assertEveryApiRequestRanIn("dev");
	}

	@Test
	void expiryLogsInOncePerLifetime() {
		startLooker(Duration.ofMinutes(10));
		LookerSessionClient client = fixture().workspace("dev").build().client();

		for (int lifetime = 0; lifetime < 5; lifetime++) {
			List<ApiSession> sessions = concurrently(20, client.getSession());
			assertThat(sessions).hasSize(20);
			this.clock.advance(Duration.ofMinutes(5));
			assertThat(concurrently(20, client.getSession())).hasSize(20);
			this.clock.advance(Duration.ofMinutes(4).plusSeconds(1));
		}

		assertThat(this.looker.loginCount()).isEqualTo(5);
		assertThat(this.looker.sessionPatchCount()).isEqualTo(5);
		assertThat(this.looker.unauthorizedCount()).isZero();
		assertEveryApiRequestRanIn("dev");
	}

	@Test
	void expiryThroughWebClientKeepsWorkspace() {
		startLooker(Duration.ofMinutes(10));
		LookerSessionClient client = fixture().workspace("dev").build().client();

		for (int lifetime = 0; lifetime < 3; lifetime++) {
			client.getWebClient().get().uri(MODEL_PATH).retrieve().toBodilessEntity().block(TIMEOUT);
			this.clock.advance(Duration.ofMinutes(10));
		}

		assertThat(this.looker.loginCount()).isEqualTo(3);
		assertThat(this.looker.sessionPatchCount()).isEqualTo(3);
		assertEveryApiRequestRanIn("dev");
	}

	@Test
	void revocationCausesOneReloginAndReplaysOnce() {
		startLooker(Duration.ofHours(1));
		LookerSessionClient client = fixture().workspace("dev").build().client();
		client.getSession().block(TIMEOUT);
		this.looker.revokeAllTokens();

		List<ApiSession> sessions = concurrently(100, client.getSession());

		assertThat(sessions).hasSize(100).allSatisfy((session) -> assertThat(session.workspaceId()).isEqualTo("dev"));
		assertThat(this.looker.loginCount()).isEqualTo(2);
		assertThat(this.looker.sessionPatchCount()).isEqualTo(2);
		int rejected = this.looker.unauthorizedCount();
		assertThat(rejected).isBetween(1, 100);
		long gets = this.looker.journal().stream().filter((entry) -> entry.endpoint().equals("GET /session")).count();
		assertThat(gets).isEqualTo(1 + 100 + rejected);
		assertEveryApiRequestRanIn("dev");
	}

	@Test
	void revocationThroughWebClientReplaysOnce() {
		startLooker(Duration.ofHours(1));
		LookerSessionClient client = fixture().workspace("dev").build().client();
		client.getSession().block(TIMEOUT);
		this.looker.revokeAllTokens();

		List<Integer> statuses = Flux.range(0, 100)
			.flatMap((i) -> client.getWebClient()
				.get()
				.uri(MODEL_PATH)
				.retrieve()
				.toBodilessEntity()
				.map((entity) -> entity.getStatusCode().value())
				.subscribeOn(Schedulers.parallel()), 100)
			.collectList()
			.block(TIMEOUT);

		assertThat(statuses).hasSize(100).containsOnly(200);
		assertThat(this.looker.loginCount()).isEqualTo(2);
		assertThat(this.looker.sessionPatchCount()).isEqualTo(2);
		assertEveryApiRequestRanIn("dev");
	}

	@Test
	void secondUnauthorizedFailsWithoutFurtherAttempts() {
		startLooker(Duration.ofHours(1));
		LookerSessionClient client = fixture().workspace("dev").build().client();
		client.getSession().block(TIMEOUT);
		this.looker.injectFault("GET /session", Fault.response(401,
				"{\"message\":\"Requires authentication.\",\"documentation_url\":\"https://cloud.google.com/looker/docs/r/api/authorization\"}",
				"application/json"), 2);

		LookerAuthenticationException ex = catchThrowableOfType(LookerAuthenticationException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(401);
		assertThat(ex.getLookerMessage()).isEqualTo("Requires authentication.");
		assertThat(this.looker.loginCount()).isEqualTo(2);
		assertThat(this.looker.journal().stream().filter((entry) -> entry.endpoint().equals("GET /session")))
			.hasSize(3);
	}

	@Test
	void workspaceForbiddenFailsLoginAndRevokesToken() {
		startLooker(Duration.ofHours(1));
		LookerSessionClient client = fixture().credentials("no-develop-id", "no-develop-secret")
			.workspace("dev")
			.build()
			.client();

		LookerWorkspaceException ex = catchThrowableOfType(LookerWorkspaceException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getWorkspaceId()).isEqualTo("dev");
		assertThat(ex.getStatusCode().value()).isEqualTo(403);
		assertThat(ex.getMessage()).contains("'dev'").contains("403").contains("develop' permission");
		assertThat(ex.getLookerMessage()).isNotBlank();
		assertThat(ex.getMessage()).contains(ex.getLookerMessage());
		assertHookFailureContained(client, ex);
	}

	@Test
	void workspaceValidationFailureFailsLogin() {
		startLooker(Duration.ofHours(1));
		this.looker.injectFault("PATCH /session", Fault.response(422,
				"{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"workspace_id\",\"code\":\"invalid\","
						+ "\"message\":\"Invalid workspace\"}]}",
				"application/json"), 1);
		LookerSessionClient client = fixture().workspace("dev").build().client();

		LookerWorkspaceException ex = catchThrowableOfType(LookerWorkspaceException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(422);
		assertThat(ex.getValidationErrors()).singleElement()
			.satisfies((error) -> assertThat(error.field()).isEqualTo("workspace_id"));
		assertThat(ex.getMessage()).contains("'dev'").contains("422").contains("Validation Failed");
		assertHookFailureContained(client, ex);
	}

	@Test
	void workspaceMismatchFailsLogin() {
		startLooker(Duration.ofHours(1));
		this.looker.injectFault("PATCH /session", Fault.response(200,
				"{\"can\":{},\"workspace_id\":\"production\",\"sudo_user_id\":null}", "application/json"), 1);
		LookerSessionClient client = fixture().workspace("dev").build().client();

		LookerWorkspaceException ex = catchThrowableOfType(LookerWorkspaceException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(200);
		assertThat(ex.getMessage()).contains("'dev'").contains("workspace_id 'production'");
		assertHookFailureContained(client, ex);
	}

	@Test
	void workspaceHtmlAnswerFailsLogin() {
		startLooker(Duration.ofHours(1));
		this.looker.injectFault("PATCH /session",
				Fault.response(200, "<html><body>Proxy login</body></html>", "text/html"), 1);
		LookerSessionClient client = fixture().workspace("dev").build().client();

		LookerWorkspaceException ex = catchThrowableOfType(LookerWorkspaceException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(200);
		assertThat(ex.getMessage()).contains("'dev'").contains("text/html").contains("not a valid ApiSession");
		assertHookFailureContained(client, ex);
	}

	private void assertHookFailureContained(LookerSessionClient client, LookerWorkspaceException failure) {
		Set<String> failedSessions = this.looker.journal()
			.stream()
			.filter((entry) -> entry.endpoint().equals("PATCH /session"))
			.map(JournalEntry::sessionId)
			.collect(Collectors.toSet());
		assertThat(failedSessions).hasSize(1);
		List<String> usesOfFailedToken = this.looker.journal()
			.stream()
			.filter((entry) -> failedSessions.contains(entry.sessionId()))
			.map(JournalEntry::endpoint)
			.toList();
		assertThat(usesOfFailedToken).containsExactly("POST /login", "PATCH /session", "DELETE /logout");
		assertThat(this.looker.logoutCount()).isEqualTo(1);
		assertThat(failure.getMessage()).doesNotContain(FakeLooker.DEFAULT_CLIENT_SECRET);

		int attemptsBefore = this.looker.loginAttemptCount();
		catchThrowableOfType(LookerApiException.class, () -> client.getSession().block(TIMEOUT));
		assertThat(this.looker.loginAttemptCount()).as("a fresh login after the failure")
			.isEqualTo(attemptsBefore + 1);
	}

	@Test
	void failedLoginIsSharedAndNotCached() {
		startLooker(Duration.ofHours(1));
		this.looker.setLatency("POST /login", Duration.ofMillis(300));
		this.looker.injectFault("POST /login",
				Fault.response(500, "{\"message\":\"Internal error\"}", "application/json"), 1);
		LookerSessionClient client = fixture().workspace("dev").build().client();
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger otherOutcomes = new AtomicInteger();

		Flux.range(0, 50)
			.flatMap((i) -> client.getSession()
				.subscribeOn(Schedulers.parallel())
				.doOnNext((session) -> otherOutcomes.incrementAndGet())
				.onErrorResume(LookerApiException.class, (ex) -> {
					if (ex.getStatusCode() != null && ex.getStatusCode().value() == 500) {
						failures.incrementAndGet();
					}
					else {
						otherOutcomes.incrementAndGet();
					}
					return Mono.empty();
				}), 50)
			.blockLast(TIMEOUT);

		assertThat(failures.get()).isEqualTo(50);
		assertThat(otherOutcomes.get()).isZero();
		assertThat(this.looker.loginAttemptCount()).isEqualTo(1);

		ApiSession session = client.getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		assertThat(this.looker.loginAttemptCount()).isEqualTo(2);
	}

	@Test
	void selectedWorkspaceIsAppliedAfterLaterLogins() {
		startLooker(Duration.ofMinutes(10));
		LookerSessionClient client = fixture().workspace("dev").build().client();
		client.getSession().block(TIMEOUT);
		assertThat(this.looker.sessionPatchCount()).isEqualTo(1);

		assertThat(client.selectWorkspace("production").block(TIMEOUT).workspaceId()).isEqualTo("production");
		this.clock.advance(Duration.ofMinutes(10));
		ApiSession afterExpiry = client.getSession().block(TIMEOUT);

		assertThat(afterExpiry.workspaceId()).isEqualTo("production");
		assertThat(this.looker.loginCount()).isEqualTo(2);
		assertThat(this.looker.sessionPatchCount()).as("the selection itself and no hook PATCH").isEqualTo(2);

		client.selectWorkspace("dev").block(TIMEOUT);
		this.clock.advance(Duration.ofMinutes(10));
		ApiSession afterSecondExpiry = client.getSession().block(TIMEOUT);

		assertThat(afterSecondExpiry.workspaceId()).isEqualTo("dev");
		assertThat(this.looker.loginCount()).isEqualTo(3);
		assertThat(this.looker.sessionPatchCount()).as("the selection and the hook PATCH").isEqualTo(4);
		assertThat(client.getDesiredWorkspace()).isEqualTo("dev");
	}

	@Test
	void updateSessionWithWorkspaceChangesDesiredWorkspace() {
		startLooker(Duration.ofMinutes(10));
		LookerSessionClient client = fixture().workspace("production").build().client();

		client.updateSession(ApiSession.withWorkspace("dev")).block(TIMEOUT);
		this.clock.advance(Duration.ofMinutes(10));
		ApiSession afterExpiry = client.getSession().block(TIMEOUT);

		assertThat(afterExpiry.workspaceId()).isEqualTo("dev");
		assertThat(client.getDesiredWorkspace()).isEqualTo("dev");
	}

	@Test
	void refusedSelectionKeepsDesiredWorkspace() {
		startLooker(Duration.ofHours(1));
		LookerSessionClient client = fixture().credentials("no-develop-id", "no-develop-secret")
			.workspace("production")
			.build()
			.client();

		LookerWorkspaceException ex = catchThrowableOfType(LookerWorkspaceException.class,
				() -> client.selectWorkspace("dev").block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(HttpStatus.FORBIDDEN.value());
		assertThat(ex.getMessage()).contains("develop' permission");
		assertThat(client.getDesiredWorkspace()).isEqualTo("production");
	}

	@Test
	void unknownWorkspaceSelectionIsWorkspaceError() {
		startLooker(Duration.ofHours(1));
		LookerSessionClient client = fixture().workspace("production").build().client();

		LookerWorkspaceException ex = catchThrowableOfType(LookerWorkspaceException.class,
				() -> client.selectWorkspace("staging").block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(422);
		assertThat(ex.getWorkspaceId()).isEqualTo("staging");
		assertThat(ex.getValidationErrors()).isNotEmpty();
		assertThat(client.getDesiredWorkspace()).isEqualTo("production");
	}

	@Test
	void selectionDuringReloginIsAppliedBeforeLaterRequests() {
		startLooker(Duration.ofHours(1));
		this.looker.setLatency("PATCH /session", Duration.ofMillis(300));
		LookerClientFixture.Built built = fixture().workspace("dev").build();
		LookerSessionClient client = built.client();
		client.getSession().block(TIMEOUT);

		Mono<ApiSession> selection = client.selectWorkspace("production").subscribeOn(Schedulers.parallel());
		Mono<ApiSession> relogin = Mono.delay(Duration.ofMillis(50))
			.then(Mono.fromRunnable(() -> built.tokenManager().invalidate(built.tokenManager().getCurrentToken())))
			.then(client.getSession());
		Mono.when(selection, relogin).block(TIMEOUT);
		ApiSession later = client.getSession().block(TIMEOUT);

		assertThat(client.getDesiredWorkspace()).isEqualTo("production");
		assertThat(later.workspaceId()).isEqualTo("production");
	}

	@Test
	void tokenShorterThanRefreshMarginIsUsedOnceThenRefreshed() {
		startLooker(Duration.ofSeconds(30));
		LookerSessionClient client = fixture().workspace("dev").refreshMargin(Duration.ofSeconds(60)).build().client();

		assertThat(client.getSession().block(TIMEOUT).workspaceId()).isEqualTo("dev");
		assertThat(client.getSession().block(TIMEOUT).workspaceId()).isEqualTo("dev");

		assertThat(this.looker.loginCount()).isEqualTo(2);
		assertEveryApiRequestRanIn("dev");
	}

	@Test
	void logoutRevokesCurrentTokenOnce() {
		startLooker(Duration.ofHours(1));
		LookerClientFixture.Built built = fixture().workspace("dev").build();
		built.client().getSession().block(TIMEOUT);
		String sessionId = this.looker.journal().get(this.looker.journal().size() - 1).sessionId();

		built.tokenManager().logout().block(TIMEOUT);
		built.tokenManager().logout().block(TIMEOUT);

		assertThat(this.looker.logoutCount()).isEqualTo(1);
		Map<String, String> logouts = this.looker.journal()
			.stream()
			.filter((entry) -> entry.endpoint().equals("DELETE /logout"))
			.collect(Collectors.toMap(JournalEntry::endpoint, JournalEntry::sessionId));
		assertThat(logouts).containsEntry("DELETE /logout", sessionId);
	}

	@Test
	void developPermissionIsNotNeededForProduction() {
		startLooker(Duration.ofHours(1));
		LookerSessionClient client = fixture().credentials("no-develop-id", "no-develop-secret")
			.workspace("production")
			.build()
			.client();

		assertThat(client.getSession().block(TIMEOUT).workspaceId()).isEqualTo("production");
		assertThat(this.looker.sessionPatchCount()).isZero();
	}

}
