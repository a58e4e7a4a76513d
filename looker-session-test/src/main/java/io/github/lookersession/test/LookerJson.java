package io.github.lookersession.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies of the Looker API schemas that a {@link FakeLooker} sends, with the
 * snake_case field names of the official OpenAPI specifications of API 4.0 and 3.1.
 */
final class LookerJson {

	static final String DOCUMENTATION_URL = "https://cloud.google.com/looker/docs/";

	static final String AUTHORIZATION_DOCUMENTATION_URL = "https://cloud.google.com/looker/docs/r/api/authorization";

	private static final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private LookerJson() {
	}

	/**
	 * Returns an {@code AccessToken} body. API 3.1 has no {@code refresh_token} field, and
	 * API 4.0 declares it nullable, so it is absent in 3.1 and {@code null} in 4.0.
	 */
	static String accessToken(String accessToken, long expiresIn, String apiVersion) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("access_token", accessToken);
		body.put("token_type", "Bearer");
		body.put("expires_in", expiresIn);
		if (!apiVersion.equals("3.1")) {
			body.put("refresh_token", null);
		}
		return write(body);
	}

	/**
	 * Returns an {@code ApiSession} body. {@code sudo_user_id} is a string in API 4.0 and
	 * an integer in 3.1.
	 */
	static String apiSession(LookerSession session, String workspace, String apiVersion) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("can", Map.of("view", true, "update", true));
		body.put("workspace_id", workspace);
		body.put("sudo_user_id", userId(session.sudoUserId(), apiVersion));
		return write(body);
	}

	/**
	 * Returns a {@code LookmlModel} body with one connection and no explores.
	 */
	static String lookmlModel(String name) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("can", Map.of("index", true, "show", true));
		body.put("allowed_db_connection_names", List.of("fake_connection"));
		body.put("explores", List.of());
		body.put("has_content", true);
		body.put("label", name);
		body.put("name", name);
		body.put("project_name", "fake_project");
		body.put("unlimited_db_connections", false);
		return write(body);
	}

	static String error(String message) {
		return error(message, DOCUMENTATION_URL);
	}

	static String error(String message, String documentationUrl) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("documentation_url", documentationUrl);
		return write(body);
	}

	/**
	 * Returns a {@code ValidationError} body with one {@code ValidationErrorDetail}.
	 */
	static String validationError(String field, String code, String message) {
		Map<String, @Nullable Object> detail = new LinkedHashMap<>();
		detail.put("field", field);
		detail.put("code", code);
		detail.put("message", message);
		detail.put("documentation_url", DOCUMENTATION_URL);

		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("message", "Validation Failed");
		body.put("errors", List.of(detail));
		body.put("documentation_url", DOCUMENTATION_URL);
		return write(body);
	}

	/**
	 * Parses JSON text, rejecting text after the first value.
	 * @throws tools.jackson.core.JacksonException if the text is not valid JSON
	 */
	static JsonNode read(String json) {
		return mapper.readTree(json);
	}

	/**
	 * Returns a duration in whole seconds, rounded up.
	 */
	static long secondsRoundedUp(Duration duration) {
		return duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
	}

	private static @Nullable Object userId(@Nullable String userId, String apiVersion) {
		if (userId == null) {
			return null;
		}
		return apiVersion.equals("3.1") ? Long.valueOf(userId) : userId;
	}

	private static String write(Map<String, @Nullable Object> body) {
		return mapper.writeValueAsString(body);
	}

}
