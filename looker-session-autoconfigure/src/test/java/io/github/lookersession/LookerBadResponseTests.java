package io.github.lookersession;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lookersession.http.LookerRetryPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for response bodies that are not what Looker's API declares: each gives a
 * {@link LookerApiException} that names the status, content type and path, with a short
 * excerpt of the body at most.
 */
class LookerBadResponseTests {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	static final String TOKEN = "bad-response-token-19581e27de7ced00";

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

	private LookerApiException getSessionFailure(int status, String contentType, String body) {
		looker.stubFor(get("/api/4.0/session")
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
		LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.retryPolicy(new LookerRetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50)))
			.build()
			.client();
		return catchThrowableOfType(LookerApiException.class, () -> client.getSession().block(TIMEOUT));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"truncated JSON | 200 | application/json | {\"workspace_id\":\"dev\" | not a valid ApiSession",
			"wrong shape | 200 | application/json | {\"workspace_id\":{\"nested\":true}} | not a valid ApiSession",
			"JSON array | 200 | application/json | [\"dev\"] | not a valid ApiSession",
			"JSON string | 200 | application/json | \"dev\" | not a valid ApiSession",
			"HTML with 200 | 200 | text/html | <html><body>Sign in</body></html> | not a valid ApiSession",
			"HTML with 502 | 502 | text/html | <html><body>Bad gateway</body></html> | text/html body",
			"HTML with 500 | 500 | text/html;charset=utf-8 | <html><body>Oops</body></html> | text/html",
			"empty 200 | 200 | application/json | '' | empty body" })
	void badBodyIsTyped(String name, int status, String contentType, String body, String problem) {
		LookerApiException ex = getSessionFailure(status, contentType, body);

		assertThat(ex.getStatusCode().value()).isEqualTo(status);
		assertThat(ex.getPath()).isEqualTo("/api/4.0/session");
		assertThat(ex.getMessage()).contains(String.valueOf(status));
		assertThat(ex.getMessage()).contains(contentType.split(";")[0]);
		assertThat(ex.getMessage()).contains("GET /api/4.0/session");
		assertThat(ex.getMessage()).contains(problem);
		assertThat(ex.getMessage()).hasSizeLessThan(600);
	}

	@ParameterizedTest(name = "{0} bytes")
	@CsvSource({ "300000", "5000000" })
	void hugeBodyIsTyped(int size) {
		String body = "{\"workspace_id\":\"" + "x".repeat(size) + "\"}";

		LookerApiException ex = getSessionFailure(200, "application/json", body);

		assertThat(ex.getStatusCode().value()).isEqualTo(200);
		assertThat(ex.getMessage()).contains("GET /api/4.0/session").contains("application/json");
		assertThat(ex.getMessage()).hasSizeLessThan(600);
	}

}
