package io.github.lookersession.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code GET /lookml_models/{lookml_model_name}} of {@link FakeLooker}, whose
 * response depends on the workspace of the session.
 */
class FakeLookerLookmlModelTests {

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension(
			FakeLooker.builder().lookmlModel("thelook").devOnlyLookmlModel("new_model").build());

	private final LookerHttp http = new LookerHttp(extension.fakeLooker());

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void devOnlyModelIsNotFoundInProduction(String apiVersion) {
		String token = this.http.loginToken(apiVersion);

		HttpResponse<String> response = this.http.get(apiVersion, "/lookml_models/dev_only_model", token);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(LookerHttp.json(response).get("message").stringValue()).isEqualTo("Not found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void devOnlyModelIsFoundInDev(String apiVersion) {
		String token = this.http.loginToken(apiVersion);
		this.http.selectWorkspace(apiVersion, token, "dev");

		HttpResponse<String> response = this.http.get(apiVersion, "/lookml_models/dev_only_model", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = LookerHttp.json(response);
		assertThat(body.get("name").stringValue()).isEqualTo("dev_only_model");
		assertThat(body.get("project_name").isString()).isTrue();
		assertThat(body.get("allowed_db_connection_names").isArray()).isTrue();
		assertThat(body.get("has_content").isBoolean()).isTrue();
		assertThat(body.get("unlimited_db_connections").isBoolean()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev_only_model", "new_model" })
	void devOnlyModelIsNotFoundAfterReturningToProduction(String model) {
		String token = this.http.loginToken("4.0");
		this.http.selectWorkspace("4.0", token, "dev");
		this.http.selectWorkspace("4.0", token, "production");

		HttpResponse<String> response = this.http.get("4.0", "/lookml_models/" + model, token);

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "new_model", "dev_only_model" })
	void configuredDevOnlyModelsAreFoundInDev(String model) {
		String token = this.http.loginToken("4.0");
		this.http.selectWorkspace("4.0", token, "dev");

		HttpResponse<String> response = this.http.get("4.0", "/lookml_models/" + model, token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "shared_model", "thelook" })
	void sharedModelIsFoundInBothWorkspaces(String model) {
		String token = this.http.loginToken("4.0");

		HttpResponse<String> production = this.http.get("4.0", "/lookml_models/" + model, token);
		this.http.selectWorkspace("4.0", token, "dev");
		HttpResponse<String> dev = this.http.get("4.0", "/lookml_models/" + model, token);

		assertThat(production.statusCode()).isEqualTo(200);
		assertThat(dev.statusCode()).isEqualTo(200);
		assertThat(LookerHttp.json(dev).get("name").stringValue()).isEqualTo(model);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void unknownModelIsNotFoundInDev(String apiVersion) {
		String token = this.http.loginToken(apiVersion);
		this.http.selectWorkspace(apiVersion, token, "dev");

		HttpResponse<String> response = this.http.get(apiVersion, "/lookml_models/missing_model", token);

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void modelWithoutTokenIsUnauthorized(String apiVersion) {
		HttpResponse<String> response = this.http.get(apiVersion, "/lookml_models/shared_model", null);

		assertThat(response.statusCode()).isEqualTo(401);
	}

}
