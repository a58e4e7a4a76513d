package io.github.lookersession.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls to a {@link FakeLooker} over loopback with the JDK HTTP client.
 */
final class LookerHttp {

	static final String FORM = "application/x-www-form-urlencoded";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final FakeLooker looker;

	LookerHttp(FakeLooker looker) {
		this.looker = looker;
	}

	HttpResponse<String> login(String apiVersion) {
		return login(apiVersion, FakeLooker.DEFAULT_CLIENT_ID, FakeLooker.DEFAULT_CLIENT_SECRET);
	}

	HttpResponse<String> login(String apiVersion, String clientId, String clientSecret) {
		return send("POST", "/api/" + apiVersion + "/login", null, FORM, form(clientId, clientSecret));
	}

	String loginToken(String apiVersion) {
		return accessToken(login(apiVersion));
	}

	String loginToken(String apiVersion, String clientId, String clientSecret) {
		return accessToken(login(apiVersion, clientId, clientSecret));
	}

	HttpResponse<String> get(String apiVersion, String apiPath, @Nullable String token) {
		return send("GET", "/api/" + apiVersion + apiPath, authorization(token), null, "");
	}

	HttpResponse<String> patchSession(String apiVersion, @Nullable String token, String json) {
		return send("PATCH", "/api/" + apiVersion + "/session", authorization(token), "application/json", json);
	}

	HttpResponse<String> selectWorkspace(String apiVersion, String token, String workspace) {
		return patchSession(apiVersion, token, "{\"workspace_id\":\"" + workspace + "\"}");
	}

	HttpResponse<String> logout(String apiVersion, @Nullable String token) {
		return send("DELETE", "/api/" + apiVersion + "/logout", authorization(token), null, "");
	}

	HttpResponse<String> send(String method, String path, @Nullable String authorization,
			@Nullable String contentType, String body) {
		try {
			return this.client.send(request(method, path, authorization, contentType, body), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + method + " " + path, ex);
		}
	}

	CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, @Nullable String authorization,
			@Nullable String contentType, String body) {
		return this.client.sendAsync(request(method, path, authorization, contentType, body), BodyHandlers.ofString());
	}

	static String form(String clientId, String clientSecret) {
		return "client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
				+ URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
	}

	static @Nullable String authorization(@Nullable String token) {
		return (token != null) ? "token " + token : null;
	}

	static JsonNode json(HttpResponse<String> response) {
		return mapper.readTree(response.body());
	}

	static String accessToken(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Login failed with status " + response.statusCode() + ": " + response.body());
		}
		return json(response).get("access_token").stringValue();
	}

	private HttpRequest request(String method, String path, @Nullable String authorization,
			@Nullable String contentType, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.looker.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return builder.build();
	}

}
