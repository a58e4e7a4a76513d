package io.github.lookersession;

import java.time.Duration;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for the mapping of Looker error responses to {@link LookerApiException}s.
 */
class LookerErrorMappingTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final String TOKEN = "error-mapping-token-2c26b46b68ffc68f";

	static final String DOCS = "https://cloud.google.com/looker/docs/r/api/support";

	@RegisterExtension
	static WireMockExtension looker = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

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
			.build()
			.client();
		return catchThrowableOfType(LookerApiException.class, () -> client.getSession().block(TIMEOUT));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 403, 404, 500, 502 })
	void errorBodyIsMapped(int status) {
		LookerApiException ex = getSessionFailure(status, "application/json",
				"{\"message\":\"Something failed\",\"documentation_url\":\"" + DOCS + "\"}");

		assertThat(ex).isExactlyInstanceOf(LookerApiException.class);
		assertThat(ex.getStatusCode().value()).isEqualTo(status);
		assertThat(ex.getLookerMessage()).isEqualTo("Something failed");
		assertThat(ex.getDocumentationUrl()).isEqualTo(DOCS);
		assertThat(ex.getMethod()).isEqualTo(HttpMethod.GET);
		assertThat(ex.getPath()).isEqualTo("/api/4.0/session");
		assertThat(ex.getMessage()).contains(String.valueOf(status)).contains("GET /api/4.0/session")
			.contains("Something failed");
	}

	@Test
	void validationErrorsAreMapped() {
		LookerApiException ex = getSessionFailure(422, "application/json",
				"{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"workspace_id\",\"code\":\"invalid\","
						+ "\"message\":\"must be production or dev\",\"documentation_url\":\"" + DOCS + "\"}],"
						+ "\"documentation_url\":\"" + DOCS + "\"}");

		assertThat(ex.getStatusCode().value()).isEqualTo(422);
		assertThat(ex.getLookerMessage()).isEqualTo("Validation Failed");
		assertThat(ex.getValidationErrors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("workspace_id");
			assertThat(error.code()).isEqualTo("invalid");
			assertThat(error.message()).isEqualTo("must be production or dev");
			assertThat(error.documentationUrl()).isEqualTo(DOCS);
		});
		assertThat(ex.getMessage()).contains("workspace_id: invalid");
	}

	@Test
	void validationFailureWithoutErrorsIsMapped() {
		LookerApiException ex = getSessionFailure(422, "application/json", "{\"message\":\"Validation Failed\"}");

		assertThat(ex.getStatusCode().value()).isEqualTo(422);
		assertThat(ex.getLookerMessage()).isEqualTo("Validation Failed");
		assertThat(ex.getValidationErrors()).isEmpty();
		assertThat(ex.getDocumentationUrl()).isNull();
	}

	@Test
	void bodyWithoutDocumentationUrlIsMapped() {
		LookerApiException ex = getSessionFailure(404, "application/json", "{\"message\":\"Not found\"}");

		assertThat(ex.getLookerMessage()).isEqualTo("Not found");
		assertThat(ex.getDocumentationUrl()).isNull();
	}

	@Test
	void emptyBodyIsMapped() {
		LookerApiException ex = getSessionFailure(500, "application/json", "");

		assertThat(ex.getStatusCode().value()).isEqualTo(500);
		assertThat(ex.getLookerMessage()).isNull();
		assertThat(ex.getMessage()).contains("500 Internal Server Error").contains("empty body");
	}

	@Test
	void htmlBodyIsMapped() {
		LookerApiException ex = getSessionFailure(502, "text/html",
				"<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>");

		assertThat(ex.getStatusCode().value()).isEqualTo(502);
		assertThat(ex.getLookerMessage()).isNull();
		assertThat(ex.getMessage()).contains("text/html").contains("<title>502 Bad Gateway</title>")
			.doesNotContain("\n");
	}

	@Test
	void jsonOfAnotherShapeIsMapped() {
		LookerApiException ex = getSessionFailure(500, "application/json", "[1, 2, 3]");

		assertThat(ex.getStatusCode().value()).isEqualTo(500);
		assertThat(ex.getLookerMessage()).isNull();
		assertThat(ex.getMessage()).contains("[1, 2, 3]");
	}

	@Test
	void longBodyIsShortenedInMessage() {
		LookerApiException ex = getSessionFailure(503, "text/plain", "x".repeat(10_000));

		assertThat(ex.getMessage()).hasSizeLessThan(400).endsWith("...");
	}

	@Test
	void tooManyRequestsIsMappedWithRetryAfter() {
		looker.stubFor(get("/api/4.0/session").willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", "30")
			.withBody("{\"message\":\"Too many requests\"}")));
		LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.build()
			.client();

		LookerRateLimitException ex = catchThrowableOfType(LookerRateLimitException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(429);
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(ex.getLookerMessage()).isEqualTo("Too many requests");
		assertThat(ex.getMessage()).contains("retry after 30 s");
	}

	@Test
	void tooManyRequestsWithoutRetryAfterIsMapped() {
		LookerApiException ex = getSessionFailure(429, "application/json", "{\"message\":\"Too many requests\"}");

		assertThat(ex).isInstanceOf(LookerRateLimitException.class);
		assertThat(((LookerRateLimitException) ex).getRetryAfter()).isNull();
	}

	@Test
	void unauthorizedTwiceIsAuthenticationError() {
		LookerApiException ex = getSessionFailure(401, "application/json",
				"{\"message\":\"Requires authentication.\",\"documentation_url\":\"" + DOCS + "\"}");

		assertThat(ex).isInstanceOf(LookerAuthenticationException.class);
		assertThat(ex.getStatusCode().value()).isEqualTo(401);
		assertThat(ex.getLookerMessage()).isEqualTo("Requires authentication.");
		assertThat(ex.getMessage()).contains("GET /api/4.0/session").contains("401 again after a fresh login");
		looker.verify(2, postRequestedFor(urlEqualTo("/api/4.0/login")));
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403, 404 })
	void rejectedLoginIsAuthenticationErrorWithoutCredentials(int status) {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Not found\",\"documentation_url\":\"" + DOCS + "\"}")));
		LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.build()
			.client();

		LookerAuthenticationException ex = catchThrowableOfType(LookerAuthenticationException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(status);
		assertThat(ex.getPath()).isEqualTo("/api/4.0/login");
		assertThat(ex.getMessage()).contains("looker.client-id").contains("looker.client-secret");
		assertThat(ex.getMessage()).doesNotContain(LookerClientFixture.CLIENT_ID)
			.doesNotContain(LookerClientFixture.CLIENT_SECRET);
		assertThat(ex.toString()).doesNotContain(LookerClientFixture.CLIENT_SECRET);
	}

	@Test
	void failedLoginWithServerErrorIsApiError() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login"))
			.willReturn(aResponse().withStatus(500).withBody("{\"message\":\"Internal error\"}")));
		LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.build()
			.client();

		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex).isExactlyInstanceOf(LookerApiException.class);
		assertThat(ex.getStatusCode().value()).isEqualTo(500);
		assertThat(ex.getPath()).isEqualTo("/api/4.0/login");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"token_type\":\"Bearer\",\"expires_in\":3600}",
			"{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"}",
			"{\"access_token\":\"" + TOKEN + "\",\"expires_in\":0}",
			"{\"access_token\":\"" + TOKEN + "\",\"expires_in\":-5}", "{\"access_token\":\"" + TOKEN + "\"",
			"<html>login</html>", "" })
	void invalidLoginResponseIsApiErrorWithoutToken(String body) {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(okJson(body)));
		LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.build()
			.client();

		LookerApiException ex = catchThrowableOfType(LookerApiException.class,
				() -> client.getSession().block(TIMEOUT));

		assertThat(ex.getStatusCode().value()).isEqualTo(200);
		assertThat(ex.getPath()).isEqualTo("/api/4.0/login");
		assertThat(ex.getMessage()).doesNotContain(TOKEN);
	}

}
