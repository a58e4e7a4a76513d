package io.github.lookersession.test;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code GET} and {@code PATCH /session} and authentication of
 * {@link FakeLooker}.
 */
class FakeLookerSessionTests {

	private static final String AUTHORIZATION_DOCUMENTATION_URL = "https://cloud.google.com/looker/docs/r/api/authorization";

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension(
			FakeLooker.builder().client("viewer-id", "viewer-secret").build());

	private final FakeLooker looker = extension.fakeLooker();

	private final LookerHttp http = new LookerHttp(this.looker);

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void getSessionOfNewTokenReturnsProduction(String apiVersion) {
		String token = this.http.loginToken(apiVersion);

		HttpResponse<String> response = this.http.get(apiVersion, "/session", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = LookerHttp.json(response);
		assertThat(body.get("workspace_id").stringValue()).isEqualTo("production");
		assertThat(body.get("can").get("view").asBoolean()).isTrue();
		assertThat(body.get("can").get("update").asBoolean()).isTrue();
		assertThat(body.has("sudo_user_id")).isTrue();
		assertThat(body.get("sudo_user_id").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void patchSessionSelectsDev(String apiVersion) {
		String token = this.http.loginToken(apiVersion);

		HttpResponse<String> patch = this.http.selectWorkspace(apiVersion, token, "dev");
		HttpResponse<String> get = this.http.get(apiVersion, "/session", token);

		assertThat(patch.statusCode()).isEqualTo(200);
		assertThat(patch.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(LookerHttp.json(patch).get("workspace_id").stringValue()).isEqualTo("dev");
		assertThat(LookerHttp.json(patch).get("can").get("update").asBoolean()).isTrue();
		assertThat(LookerHttp.json(get).get("workspace_id").stringValue()).isEqualTo("dev");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void patchSessionSelectsProductionAgain(String apiVersion) {
		String token = this.http.loginToken(apiVersion);
		this.http.selectWorkspace(apiVersion, token, "dev");

		HttpResponse<String> patch = this.http.selectWorkspace(apiVersion, token, "production");

		assertThat(patch.statusCode()).isEqualTo(200);
		assertThat(LookerHttp.json(patch).get("workspace_id").stringValue()).isEqualTo("production");
	}

	@Test
	void workspaceBelongsToSessionOfToken() {
		String devToken = this.http.loginToken("4.0");
		String productionToken = this.http.loginToken("4.0");

		this.http.selectWorkspace("4.0", devToken, "dev");

		assertThat(LookerHttp.json(this.http.get("4.0", "/session", devToken)).get("workspace_id").stringValue())
			.isEqualTo("dev");
		assertThat(LookerHttp.json(this.http.get("4.0", "/session", productionToken)).get("workspace_id").stringValue())
			.isEqualTo("production");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void patchWithoutWorkspaceIdKeepsWorkspace(String apiVersion) {
		String token = this.http.loginToken(apiVersion);
		this.http.selectWorkspace(apiVersion, token, "dev");

		HttpResponse<String> patch = this.http.patchSession(apiVersion, token, "{\"sudo_user_id\":\"7\"}");

		assertThat(patch.statusCode()).isEqualTo(200);
		assertThat(LookerHttp.json(patch).get("workspace_id").stringValue()).isEqualTo("dev");
		assertThat(LookerHttp.json(patch).get("sudo_user_id").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void patchDevWithoutDevelopPermissionIsForbidden(String apiVersion) {
		String token = this.http.loginToken(apiVersion, "viewer-id", "viewer-secret");

		HttpResponse<String> patch = this.http.selectWorkspace(apiVersion, token, "dev");

		assertThat(patch.statusCode()).isEqualTo(403);
		assertThat(patch.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = LookerHttp.json(patch);
		assertThat(body.get("message").stringValue()).contains("develop");
		assertThat(body.get("documentation_url").isString()).isTrue();
		assertThat(LookerHttp.json(this.http.get(apiVersion, "/session", token)).get("workspace_id").stringValue())
			.isEqualTo("production");
	}

	@Test
	void patchProductionWithoutDevelopPermissionSucceeds() {
		String token = this.http.loginToken("4.0", "viewer-id", "viewer-secret");

		HttpResponse<String> patch = this.http.selectWorkspace("4.0", token, "production");

		assertThat(patch.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void patchUnknownWorkspaceIsValidationError(String apiVersion) {
		String token = this.http.loginToken(apiVersion);

		HttpResponse<String> patch = this.http.selectWorkspace(apiVersion, token, "staging");

		assertThat(patch.statusCode()).isEqualTo(422);
		assertThat(patch.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = LookerHttp.json(patch);
		assertThat(body.get("message").stringValue()).isEqualTo("Validation Failed");
		assertThat(body.get("documentation_url").isString()).isTrue();
		assertThat(body.get("errors").size()).isOne();
		JsonNode error = body.get("errors").get(0);
		assertThat(error.get("field").stringValue()).isEqualTo("workspace_id");
		assertThat(error.get("code").stringValue()).isEqualTo("invalid");
		assertThat(error.get("message").stringValue()).contains("\"staging\"");
		assertThat(error.get("documentation_url").isString()).isTrue();
	}

	@Test
	void patchWorkspaceOfWrongTypeIsValidationError() {
		String token = this.http.loginToken("4.0");

		HttpResponse<String> patch = this.http.patchSession("4.0", token, "{\"workspace_id\":42}");

		assertThat(patch.statusCode()).isEqualTo(422);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"workspace_id\":", "workspace_id=dev", "{\"workspace_id\":\"dev\"} {}" })
	void patchWithMalformedJsonIsBadRequest(String body) {
		String token = this.http.loginToken("4.0");

		HttpResponse<String> patch = this.http.patchSession("4.0", token, body);

		assertThat(patch.statusCode()).isEqualTo(400);
		assertThat(LookerHttp.json(patch).has("message")).isTrue();
		assertThat(LookerHttp.json(patch).has("documentation_url")).isTrue();
		assertThat(LookerHttp.json(this.http.get("4.0", "/session", token)).get("workspace_id").stringValue())
			.isEqualTo("production");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[]", "\"dev\"" })
	void patchWithBodyThatIsNotObjectIsBadRequest(String body) {
		String token = this.http.loginToken("3.1");

		HttpResponse<String> patch = this.http.patchSession("3.1", token, body);

		assertThat(patch.statusCode()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "token", "Bearer", "bearer", "TOKEN" })
	void authorizationSchemesAreAccepted(String scheme) {
		String token = this.http.loginToken("4.0");

		HttpResponse<String> response = this.http.send("GET", "/api/4.0/session", scheme + " " + token, null, "");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void requestWithoutTokenIsUnauthorized(String apiVersion) {
		HttpResponse<String> response = this.http.get(apiVersion, "/session", null);

		assertUnauthorized(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void requestWithUnknownTokenIsUnauthorized(String apiVersion) {
		HttpResponse<String> response = this.http.get(apiVersion, "/session", "unknown-token");

		assertUnauthorized(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic ZmFrZTpmYWtl", "token", "Bearer ", "Digest abc" })
	void requestWithUnsupportedAuthorizationIsUnauthorized(String authorization) {
		HttpResponse<String> response = this.http.send("GET", "/api/4.0/session", authorization, null, "");

		assertUnauthorized(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void patchWithoutTokenIsUnauthorized(String apiVersion) {
		HttpResponse<String> response = this.http.patchSession(apiVersion, null, "{\"workspace_id\":\"dev\"}");

		assertUnauthorized(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/4.0/unknown", "/api/3.1/sessions", "/api/2.0/session", "/session", "/" })
	void unknownPathReturnsNotFound(String path) {
		String token = this.http.loginToken("4.0");

		HttpResponse<String> response = this.http.send("GET", path, LookerHttp.authorization(token), null, "");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(LookerHttp.json(response).get("message").stringValue()).isEqualTo("Not found");
		assertThat(LookerHttp.json(response).get("documentation_url").isString()).isTrue();
	}

	@Test
	void pathWithInvalidPercentEncodingReturnsNotFound() throws IOException {
		String token = this.http.loginToken("4.0");
		String request = "GET /api/4.0/lookml_models/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: token " + token
				+ "\r\nConnection: close\r\n\r\n";

		String response;
		try (Socket socket = new Socket("127.0.0.1", this.looker.port())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		}

		assertThat(response).startsWith("HTTP/1.1 404 ");
		assertThat(this.looker.journal().get(1).path()).isEqualTo("/api/4.0/lookml_models/%zz");
	}

	@Test
	void unsupportedMethodOnSessionReturnsNotFound() {
		String token = this.http.loginToken("4.0");

		HttpResponse<String> response = this.http.send("PUT", "/api/4.0/session", LookerHttp.authorization(token),
				"application/json", "{\"workspace_id\":\"dev\"}");

		assertThat(response.statusCode()).isEqualTo(404);
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = LookerHttp.json(response);
		assertThat(body.get("message").stringValue()).isEqualTo("Requires authentication.");
		assertThat(body.get("documentation_url").stringValue()).isEqualTo(AUTHORIZATION_DOCUMENTATION_URL);
	}

}
