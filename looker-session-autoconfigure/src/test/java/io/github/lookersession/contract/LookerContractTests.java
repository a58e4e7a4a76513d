package io.github.lookersession.contract;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerAuthenticationException;
import io.github.lookersession.LookerClientFixture;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.LookerWorkspaceException;
import io.github.lookersession.autoconfigure.LookerSessionAutoConfiguration;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.Fault;
import io.github.lookersession.test.RecordedExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Contract tests: every request that the client sends to the fake Looker, and every
 * response the fake returns, must conform to the official Looker OpenAPI specification
 * of the API version in use. The fake reports each exchange as it crossed the wire.
 */
class LookerContractTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ContractRecorder recorder = new ContractRecorder();

	private final FakeLooker looker = FakeLooker.builder().client("no-develop-id", "no-develop-secret").build();

	LookerContractTests() {
		this.looker.addExchangeListener(this.recorder);
		this.looker.start();
	}

	@AfterEach
	void stopLooker() {
		this.looker.stop();
	}

	private LookerClientFixture fixture(String apiVersion) {
		return LookerClientFixture.forBaseUrl(this.looker.baseUrl())
			.apiVersion(apiVersion)
			.credentials(FakeLooker.DEFAULT_CLIENT_ID, FakeLooker.DEFAULT_CLIENT_SECRET);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void sessionCallsConform(String apiVersion) {
		LookerClientFixture.Built built = fixture(apiVersion).workspace("dev").build();
		LookerSessionClient client = built.client();

		client.getSession().block(TIMEOUT);
		client.selectWorkspace("production").block(TIMEOUT);
		client.updateSession(ApiSession.withWorkspace("dev")).block(TIMEOUT);
		client.getWebClient()
			.get()
			.uri("/lookml_models/{name}", FakeLooker.DEFAULT_DEV_ONLY_LOOKML_MODEL)
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
		built.tokenManager().logout().block(TIMEOUT);

		assertThat(this.recorder.endpoints()).containsExactly("POST /login", "PATCH /session", "GET /session",
				"GET /lookml_models/" + FakeLooker.DEFAULT_DEV_ONLY_LOOKML_MODEL, "DELETE /logout");
		assertThat(this.recorder.violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void replayAfterRevocationConforms(String apiVersion) {
		LookerSessionClient client = fixture(apiVersion).workspace("dev").build().client();
		client.getSession().block(TIMEOUT);
		this.looker.revokeAllTokens();

		client.getSession().block(TIMEOUT);

		assertThat(this.recorder.exchanges()).extracting(RecordedExchange::status).contains(401);
		assertThat(this.recorder.violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void rejectedLoginConforms(String apiVersion) {
		LookerSessionClient client = fixture(apiVersion).credentials("unknown-id", "unknown-secret").build().client();

		assertThatExceptionOfType(LookerAuthenticationException.class)
			.isThrownBy(() -> client.getSession().block(TIMEOUT));

		assertThat(this.recorder.exchanges()).extracting(RecordedExchange::status).containsExactly(404);
		assertThat(this.recorder.violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void forbiddenWorkspaceConforms(String apiVersion) {
		LookerSessionClient client = fixture(apiVersion).credentials("no-develop-id", "no-develop-secret")
			.workspace("dev")
			.build()
			.client();

		assertThatExceptionOfType(LookerWorkspaceException.class)
			.isThrownBy(() -> client.getSession().block(TIMEOUT));

		assertThat(this.recorder.exchanges()).extracting(RecordedExchange::status)
			.containsExactly(200, 403, 204);
		assertThat(this.recorder.violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void unknownWorkspaceConforms(String apiVersion) {
		LookerSessionClient client = fixture(apiVersion).workspace("production").build().client();

		assertThatExceptionOfType(LookerApiException.class)
			.isThrownBy(() -> client.selectWorkspace("staging").block(TIMEOUT));

		assertThat(this.recorder.exchanges()).extracting(RecordedExchange::status).containsExactly(200, 422);
		assertThat(this.recorder.violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void autoConfiguredClientConforms(String apiVersion) {
		ApplicationContextRunner contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					LookerSessionAutoConfiguration.class))
			.withPropertyValues(this.looker.propertyValues())
			.withPropertyValues("looker.api-version=" + apiVersion, "looker.workspace=dev");

		contextRunner.run((context) -> context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT));

		assertThat(this.recorder.endpoints()).containsExactly("POST /login", "PATCH /session", "GET /session",
				"DELETE /logout");
		assertThat(this.recorder.violations()).isEmpty();
	}

	@Test
	void wrongRequestBreaksContract() {
		String token = loginToken();
		WebClient webClient = WebClient.create(this.looker.baseUrl() + "/api/4.0");

		webClient.patch()
			.uri("/session")
			.header(HttpHeaders.AUTHORIZATION, "token " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"workspace_id\":42}")
			.retrieve()
			.toBodilessEntity()
			.onErrorComplete()
			.block(TIMEOUT);

		List<String> violations = this.recorder.violations();
		assertThat(violations).hasSize(1);
		assertThat(violations.get(0)).startsWith("PATCH /api/4.0/session -> 422")
			.contains("validation.request.body.schema.type");
	}

	@Test
	void wrongResponseBodyBreaksContract() {
		LookerSessionClient client = fixture("4.0").workspace("production").build().client();
		String wrongSession = "{\"can\":{},\"workspace_id\":5}";
		this.looker.injectFault("GET /session", Fault.response(200, wrongSession, "application/json"), 1);

		client.getSession().onErrorComplete().block(TIMEOUT);

		List<String> violations = this.recorder.violations();
		assertThat(violations).hasSize(1);
		assertThat(violations.get(0)).startsWith("GET /api/4.0/session -> 200")
			.contains("validation.response.body.schema.type");
	}

	@Test
	void undeclaredStatusBreaksContract() {
		LookerSessionClient client = fixture("3.1").workspace("production").build().client();
		this.looker.injectFault("GET /session", Fault.response(500, "{\"message\":\"Internal error\","
				+ "\"documentation_url\":\"https://cloud.google.com/looker/docs/\"}", "application/json"), 1);

		client.getSession().onErrorComplete().block(TIMEOUT);

		List<String> violations = this.recorder.violations();
		assertThat(violations).hasSize(1);
		assertThat(violations.get(0)).startsWith("GET /api/3.1/session -> 500")
			.contains("validation.response.status.unknown");
	}

	private String loginToken() {
		Map<?, ?> login = WebClient.create(this.looker.baseUrl() + "/api/4.0")
			.post()
			.uri("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("client_id=" + FakeLooker.DEFAULT_CLIENT_ID + "&client_secret="
					+ FakeLooker.DEFAULT_CLIENT_SECRET)
			.retrieve()
			.bodyToMono(Map.class)
			.block(TIMEOUT);
		return (String) login.get("access_token");
	}

}
