package io.github.lookersession;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Checks that neither the client secret nor an access token reaches a log line, an
 * exception message or a {@code toString()}, with every client-side logger at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLoggingTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final String FIRST_TOKEN = "first-access-token-8d969eef6ecad3c2";

	static final String SECOND_TOKEN = "second-access-token-a665a45920422f9d";

	@RegisterExtension
	static WireMockExtension looker = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final Logger rootLogger = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final Logger starterLogger = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger("io.github.lookersession");

	private Level rootLevel;

	private Level starterLevel;

	@BeforeEach
	void enableDebugLogging() {
		this.rootLevel = this.rootLogger.getLevel();
		this.starterLevel = this.starterLogger.getLevel();
		this.rootLogger.setLevel(Level.DEBUG);
		this.starterLogger.setLevel(Level.DEBUG);
		// The fake server's own debug output is not the client's and echoes whole requests.
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.eclipse.jetty").setLevel(Level.INFO);
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("wiremock").setLevel(Level.INFO);
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("WireMock").setLevel(Level.INFO);
	}

	@AfterEach
	void restoreLogging() {
		this.rootLogger.setLevel(this.rootLevel);
		this.starterLogger.setLevel(this.starterLevel);
	}

	@Test
	void loginCallsAndFailuresLogNoSecretOrToken(CapturedOutput output) {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(login(FIRST_TOKEN))));
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).inScenario("tokens")
			.whenScenarioStateIs("second")
			.willReturn(okJson(login(SECOND_TOKEN))));
		looker.stubFor(patch(urlEqualTo("/api/4.0/session")).willReturn(okJson("{\"workspace_id\":\"dev\"}")));
		looker.stubFor(get(urlEqualTo("/api/4.0/session")).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"workspace_id\":\"dev\"}")));
		looker.stubFor(get(urlEqualTo("/api/4.0/session")).inScenario("tokens")
			.whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Requires authentication.\"}")));
		looker.stubFor(delete(urlEqualTo("/api/4.0/logout")).willReturn(aResponse().withStatus(204)));
		LookerClientFixture.Built built = LookerClientFixture.forBaseUrl(looker.baseUrl()).workspace("dev").build();
		LookerSessionClient client = built.client();

		client.getSession().block(TIMEOUT);
		client.selectWorkspace("dev").block(TIMEOUT);
		looker.setScenarioState("tokens", "second");
		built.tokenManager().invalidate(built.tokenManager().getCurrentToken());
		Throwable failure = catchThrowable(() -> client.getSession().block(TIMEOUT));
		built.tokenManager().logout().block(TIMEOUT);

		assertThat(failure).isInstanceOf(LookerAuthenticationException.class);
		assertThat(output.getAll()).contains("Logged in to Looker");
		assertThat(output.getAll()).contains("HTTP POST");
		assertNoSecret(output.getAll());
		assertNoSecret(failure.toString());
		assertNoSecret(String.valueOf(built.tokenManager().getCurrentToken()));
	}

	@Test
	void requestDetailLoggingStaysOffForLookerCalls(CapturedOutput output) {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(okJson(login(FIRST_TOKEN))));
		looker.stubFor(get(urlEqualTo("/api/4.0/session")).willReturn(okJson("{\"workspace_id\":\"production\"}")));
		this.rootLogger.setLevel(Level.TRACE);
		org.springframework.web.reactive.function.client.WebClient.Builder builder = org.springframework.web.reactive.function.client.WebClient
			.builder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true))
			.baseUrl(looker.baseUrl() + "/api/4.0");
		io.github.lookersession.token.DesiredWorkspace workspace = new io.github.lookersession.token.DesiredWorkspace(
				"production");
		io.github.lookersession.token.LookerTokenManager tokenManager = new io.github.lookersession.token.LookerTokenManager(
				new io.github.lookersession.token.LookerLoginClient(builder.build(), LookerClientFixture.CLIENT_ID,
						LookerClientFixture.CLIENT_SECRET),
				workspace, java.util.List::of, Duration.ofSeconds(60));
		LookerSessionClient client = new LookerSessionClient(builder, tokenManager);

		client.getSession().block(TIMEOUT);

		assertThat(output.getAll()).contains("HTTP GET");
		assertNoSecret(output.getAll());
	}

	private static String login(String token) {
		return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
	}

	private static void assertNoSecret(String text) {
		assertThat(text).doesNotContain(LookerClientFixture.CLIENT_SECRET);
		assertThat(text).doesNotContain(FIRST_TOKEN);
		assertThat(text).doesNotContain(SECOND_TOKEN);
	}

}
