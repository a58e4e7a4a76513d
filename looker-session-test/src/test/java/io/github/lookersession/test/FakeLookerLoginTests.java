package io.github.lookersession.test;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code POST /login} of {@link FakeLooker}.
 */
class FakeLookerLoginTests {

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension(
			FakeLooker.builder().client("other-id", "other secret&=", Permission.DEVELOP).build());

	private final FakeLooker looker = extension.fakeLooker();

	private final LookerHttp http = new LookerHttp(this.looker);

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void loginWithFormBodyReturnsAccessToken(String apiVersion) {
		HttpResponse<String> response = this.http.login(apiVersion);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = LookerHttp.json(response);
		assertThat(body.get("access_token").stringValue()).matches("[A-Za-z0-9]{40}");
		assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").isIntegralNumber()).isTrue();
		assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
	}

	@Test
	void loginBodyOfApi40HasNullRefreshToken() {
		JsonNode body = LookerHttp.json(this.http.login("4.0"));

		assertThat(body.has("refresh_token")).isTrue();
		assertThat(body.get("refresh_token").isNull()).isTrue();
	}

	@Test
	void loginBodyOfApi31HasNoRefreshToken() {
		JsonNode body = LookerHttp.json(this.http.login("3.1"));

		assertThat(body.has("refresh_token")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void loginWithQueryParametersReturnsAccessToken(String apiVersion) {
		String query = LookerHttp.form(FakeLooker.DEFAULT_CLIENT_ID, FakeLooker.DEFAULT_CLIENT_SECRET);

		HttpResponse<String> response = this.http.send("POST", "/api/" + apiVersion + "/login?" + query, null, null,
				"");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(LookerHttp.json(response).get("token_type").stringValue()).isEqualTo("Bearer");
	}

	@Test
	void loginDecodesEncodedFormValues() {
		HttpResponse<String> response = this.http.login("4.0", "other-id", "other secret&=");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "4.0, fake-client-id, wrong-secret", "3.1, fake-client-id, wrong-secret",
			"4.0, unknown-id, fake-client-secret", "3.1, unknown-id, fake-client-secret",
			"4.0, other-id, fake-client-secret" })
	void loginWithWrongCredentialsReturnsNotFound(String apiVersion, String clientId, String clientSecret) {
		HttpResponse<String> response = this.http.login(apiVersion, clientId, clientSecret);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = LookerHttp.json(response);
		assertThat(body.get("message").stringValue()).isEqualTo("Not found");
		assertThat(body.get("documentation_url").stringValue()).isEqualTo("https://cloud.google.com/looker/docs/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void loginWithoutCredentialsReturnsNotFound(String apiVersion) {
		HttpResponse<String> response = this.http.send("POST", "/api/" + apiVersion + "/login", null,
				LookerHttp.FORM, "");

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void loginWithSecretOnlyReturnsNotFound() {
		HttpResponse<String> response = this.http.send("POST", "/api/4.0/login", null, LookerHttp.FORM,
				"client_secret=" + FakeLooker.DEFAULT_CLIENT_SECRET);

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void loginIgnoresBodyThatIsNotForm() {
		String json = "{\"client_id\":\"fake-client-id\",\"client_secret\":\"fake-client-secret\"}";

		HttpResponse<String> response = this.http.send("POST", "/api/4.0/login", null, "application/json", json);

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void loginWithoutVersionPrefixIsForbidden() {
		HttpResponse<String> response = this.http.send("POST", "/login", null, LookerHttp.FORM,
				LookerHttp.form(FakeLooker.DEFAULT_CLIENT_ID, FakeLooker.DEFAULT_CLIENT_SECRET));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(LookerHttp.json(response).has("message")).isTrue();
		assertThat(LookerHttp.json(response).has("documentation_url")).isTrue();
	}

	@Test
	void loginWithUnsupportedVersionReturnsNotFound() {
		HttpResponse<String> response = this.http.login("3.0");

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void getLoginReturnsNotFound(String apiVersion) {
		HttpResponse<String> response = this.http.get(apiVersion, "/login", null);

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void eachLoginIssuesNewTokenAndSession(String apiVersion) {
		String first = this.http.loginToken(apiVersion);
		String second = this.http.loginToken(apiVersion);

		assertThat(second).isNotEqualTo(first);
		assertThat(this.looker.sessionId(second)).isNotEqualTo(this.looker.sessionId(first));
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void newSessionStartsInProductionAfterDevWasSelected(String apiVersion) {
		String first = this.http.loginToken(apiVersion);
		this.http.selectWorkspace(apiVersion, first, "dev");

		String second = this.http.loginToken(apiVersion);

		JsonNode session = LookerHttp.json(this.http.get(apiVersion, "/session", second));
		assertThat(session.get("workspace_id").stringValue()).isEqualTo("production");
	}

	@Test
	void tokenWorksAcrossApiVersions() {
		String token = this.http.loginToken("4.0");

		HttpResponse<String> response = this.http.get("3.1", "/session", token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "PT0.001S, 1", "PT0.5S, 1", "PT1S, 1", "PT1.5S, 2", "PT2S, 2", "PT1H, 3600" })
	void expiresInIsLifetimeRoundedUpToWholeSeconds(Duration tokenLifetime, long expectedExpiresIn) {
		try (FakeLooker looker = FakeLooker.builder().tokenLifetime(tokenLifetime).build()) {
			looker.start();

			JsonNode body = LookerHttp.json(new LookerHttp(looker).login("4.0"));

			assertThat(body.get("expires_in").asLong()).isEqualTo(expectedExpiresIn);
		}
	}

}
