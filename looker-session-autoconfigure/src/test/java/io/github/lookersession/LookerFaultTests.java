package io.github.lookersession;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.lookersession.http.LookerRetryPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for network faults, timeouts, retries and redirects, against WireMock. Every
 * call must end within its bound with a typed error or a result.
 */
class LookerFaultTests {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	static final String TOKEN = "fault-access-token-4e07408562bedb8b";

	static final LookerRetryPolicy RETRY = new LookerRetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(400));

	@RegisterExtension
	static WireMockExtension looker = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	NoSecretsInLogs noSecrets = new NoSecretsInLogs(() -> List.of(TOKEN, LookerClientFixture.CLIENT_SECRET));

	@BeforeEach
	void stubLogin() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(
				okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
	}

	private LookerSessionClient client(Duration readTimeout) {
		return LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.retryPolicy(RETRY)
			.readTimeout(readTimeout)
			.build()
			.client();
	}

	private static int sessionGets() {
		return looker.countRequestsMatching(getRequestedFor(urlEqualTo("/api/4.0/session")).build()).getCount();
	}

	@Test
	void connectionResetIsRetriedThenTyped() {
		looker.stubFor(get("/api/4.0/session").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client(Duration.ofSeconds(5)).getSession().block(TIMEOUT));

		assertThat(ex.getMethod()).isEqualTo(HttpMethod.GET);
		assertThat(ex.getPath()).isEqualTo("/api/4.0/session");
		assertThat(ex.getStatusCode()).isNull();
		assertThat(ex.getMessage()).contains("GET /api/4.0/session failed");
		assertThat(sessionGets()).isEqualTo(3);
	}

	@Test
	void connectionResetOnceThenSucceeds() {
		looker.stubFor(get("/api/4.0/session").inScenario("reset")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("recovered")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		looker.stubFor(get("/api/4.0/session").inScenario("reset")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson("{\"workspace_id\":\"production\"}")));

		ApiSession session = client(Duration.ofSeconds(5)).getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("production");
		assertThat(sessionGets()).isEqualTo(2);
	}

	@Test
	void delayPastReadTimeoutTimesOutWithoutRetry() {
		looker.stubFor(get("/api/4.0/session")
			.willReturn(okJson("{\"workspace_id\":\"production\"}").withFixedDelay(5_000)));

		long start = System.nanoTime();
		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client(Duration.ofMillis(500)).getSession().block(TIMEOUT));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(ex.getMessage()).contains("GET /api/4.0/session timed out").contains("looker.read-timeout");
		assertThat(elapsed).isLessThan(Duration.ofMillis(4_000));
		assertThat(sessionGets()).isEqualTo(1);
	}

	@Test
	void loginDelayPastReadTimeoutEndsEveryCaller() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(
				okJson("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}").withFixedDelay(5_000)));
		LookerSessionClient client = client(Duration.ofMillis(500));

		StepVerifier.create(client.getSession())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(LookerApiException.class)
				.hasMessageContaining("POST /api/4.0/login timed out"))
			.verify(Duration.ofSeconds(4));
	}

	@Test
	void malformedChunkIsTyped() {
		looker.stubFor(get("/api/4.0/session").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

		StepVerifier.create(client(Duration.ofSeconds(5)).getSession())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(LookerApiException.class)
				.hasMessageContaining("/api/4.0/session"))
			.verify(TIMEOUT);
		assertThat(sessionGets()).isBetween(1, 3);
	}

	@Test
	void randomDataThenCloseIsTyped() {
		looker.stubFor(get("/api/4.0/session").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

		StepVerifier.create(client(Duration.ofSeconds(5)).getSession())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(LookerApiException.class)
				.hasMessageContaining("GET /api/4.0/session"))
			.verify(TIMEOUT);
		assertThat(sessionGets()).isBetween(1, 3);
	}

	@Test
	void emptyResponseIsRetriedThenTyped() {
		looker.stubFor(get("/api/4.0/session").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client(Duration.ofSeconds(5)).getSession().block(TIMEOUT));

		assertThat(ex.getPath()).isEqualTo("/api/4.0/session");
		assertThat(sessionGets()).isEqualTo(3);
	}

	@Test
	void refusedConnectionIsRetriedThenTyped() {
		LookerSessionClient client = LookerClientFixture.forBaseUrl("http://127.0.0.1:1")
			.workspace("production")
			.retryPolicy(RETRY)
			.build()
			.client();

		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getPath()).isEqualTo("/api/4.0/login");
		assertThat(ex.getMessage()).contains("POST /api/4.0/login failed").contains("Connection refused");
	}

	@Test
	void fullConnectionPoolQueueIsRetried() {
		looker.stubFor(get("/api/4.0/session")
			.willReturn(okJson("{\"workspace_id\":\"production\"}").withFixedDelay(50)));
		ConnectionProvider pool = ConnectionProvider.builder("fault-tests")
			.maxConnections(1)
			.pendingAcquireMaxCount(1)
			.build();
		try {
			ClientHttpConnector connector = new ReactorClientHttpConnector(HttpClient.create(pool));
			LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
				.workspace("production")
				.retryPolicy(new LookerRetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(1)))
				.connector(connector)
				.build()
				.client();
			client.getSession().block(TIMEOUT);

			List<ApiSession> sessions = Flux.range(0, 4)
				.flatMap((i) -> client.getSession(), 4)
				.collectList()
				.block(TIMEOUT);

			assertThat(sessions).hasSize(4);
			assertThat(sessionGets()).isEqualTo(5);
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void serviceUnavailableIsRetriedThenTyped() {
		looker.stubFor(get("/api/4.0/session").willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Service unavailable\"}")));

		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client(Duration.ofSeconds(5)).getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(503);
		assertThat(ex.getLookerMessage()).isEqualTo("Service unavailable");
		assertThat(sessionGets()).isEqualTo(3);
	}

	@Test
	void badRequestIsNotRetried() {
		looker.stubFor(get("/api/4.0/session")
			.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Bad request\"}")));

		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client(Duration.ofSeconds(5)).getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(400);
		assertThat(sessionGets()).isEqualTo(1);
	}

	@Test
	void rejectedLoginIsNotRetried() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login"))
			.willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not found\"}")));

		catchThrowableOfType(LookerAuthenticationException.class,
				() -> client(Duration.ofSeconds(5)).getSession().block(TIMEOUT));

		looker.verify(1, postRequestedFor(urlEqualTo("/api/4.0/login")));
	}

	@Test
	void loginServiceUnavailableIsRetried() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).inScenario("login")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("up")
			.willReturn(aResponse().withStatus(503)));
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).inScenario("login")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}")));
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));

		ApiSession session = client(Duration.ofSeconds(5)).getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("production");
		looker.verify(2, postRequestedFor(urlEqualTo("/api/4.0/login")));
	}

	@Test
	void rateLimitWithRetryAfterSecondsIsHonoured() {
		LookerRetryPolicy policy = new LookerRetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2));
		looker.stubFor(get("/api/4.0/session").inScenario("limit")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("free")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
		looker.stubFor(get("/api/4.0/session").inScenario("limit")
			.whenScenarioStateIs("free")
			.willReturn(okJson("{\"workspace_id\":\"production\"}")));
		LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.retryPolicy(policy)
			.build()
			.client();

		long start = System.nanoTime();
		ApiSession session = client.getSession().block(TIMEOUT);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(session.workspaceId()).isEqualTo("production");
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(sessionGets()).isEqualTo(2);
	}

	@Test
	void rateLimitWithRetryAfterDateIsHonoured() {
		LookerRetryPolicy policy = new LookerRetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
		looker.stubFor(get("/api/4.0/session").inScenario("limit")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("free")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", date)));
		looker.stubFor(get("/api/4.0/session").inScenario("limit")
			.whenScenarioStateIs("free")
			.willReturn(okJson("{\"workspace_id\":\"production\"}")));
		LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.retryPolicy(policy)
			.build()
			.client();

		long start = System.nanoTime();
		client.getSession().block(TIMEOUT);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(sessionGets()).isEqualTo(2);
	}

	@Test
	void rateLimitBeyondMaxBackoffFailsAtOnce() {
		looker.stubFor(get("/api/4.0/session").willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "30")
			.withBody("{\"message\":\"Too many requests\"}")));

		long start = System.nanoTime();
		LookerRateLimitException ex = catchThrowableOfType(LookerRateLimitException.class,
				() -> client(Duration.ofSeconds(5)).getSession().block(TIMEOUT));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(ex.getMessage()).contains("retry after 30 s");
		assertThat(sessionGets()).isEqualTo(1);
		assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void rateLimitWithoutRetryAfterBacksOffThenFails() {
		looker.stubFor(get("/api/4.0/session").willReturn(aResponse().withStatus(429)));

		LookerRateLimitException ex = catchThrowableOfType(LookerRateLimitException.class,
				() -> client(Duration.ofSeconds(5)).getSession().block(TIMEOUT));

		assertThat(ex.getRetryAfter()).isNull();
		assertThat(sessionGets()).isEqualTo(3);
	}

	@Test
	void webClientRetriesGetButNotPost() {
		looker.stubFor(get("/api/4.0/looks/1").willReturn(aResponse().withStatus(503)));
		looker.stubFor(post("/api/4.0/looks").willReturn(aResponse().withStatus(503)));
		LookerSessionClient client = client(Duration.ofSeconds(5));

		Integer getStatus = client.getWebClient()
			.get()
			.uri("/looks/1")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(TIMEOUT);
		Integer postStatus = client.getWebClient()
			.post()
			.uri("/looks")
			.bodyValue("{}")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(TIMEOUT);

		assertThat(getStatus).isEqualTo(503);
		assertThat(postStatus).isEqualTo(503);
		assertThat(looker.countRequestsMatching(getRequestedFor(urlEqualTo("/api/4.0/looks/1")).build()).getCount())
			.isEqualTo(3);
		looker.verify(1, postRequestedFor(urlEqualTo("/api/4.0/looks")));
	}

	@Test
	void redirectIsNotFollowed() {
		looker.stubFor(get("/api/4.0/session")
			.willReturn(aResponse().withStatus(302).withHeader("Location", looker.baseUrl() + "/elsewhere")));
		looker.stubFor(get("/elsewhere").willReturn(okJson("{\"workspace_id\":\"production\"}")));

		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client(Duration.ofSeconds(5)).getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(302);
		assertThat(ex.getMessage()).contains("redirects are not followed").contains("/elsewhere")
			.contains("looker.base-url");
		looker.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
	}

}
