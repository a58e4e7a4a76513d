package io.github.lookersession.token;

import io.github.lookersession.http.LookerResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerAuthenticationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Client for Looker's {@code POST /login} and {@code DELETE /logout} endpoints.
 *
 * <p>
 * Credentials travel only in the form body of the login request, never in its query
 * string. Logging of request details ({@code spring.codec.log-request-details}) is
 * switched off for this client, because it would print the form body and the
 * {@code Authorization} header. Looker rejects unknown credentials with 404 (and some versions with 401 or
 * 403); each of these becomes a {@link LookerAuthenticationException} that names the
 * properties to check and contains neither value.
 */
public final class LookerLoginClient {

	private final WebClient webClient;

	private final String clientId;

	private final String clientSecret;

	/**
	 * Creates a login client.
	 * @param webClient client rooted at {@code {base-url}/api/{api-version}}, without
	 * authentication
	 * @param clientId API client id
	 * @param clientSecret API client secret
	 */
	public LookerLoginClient(WebClient webClient, String clientId, String clientSecret) {
		Assert.notNull(webClient, "webClient cannot be null");
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.hasText(clientSecret, "clientSecret cannot be empty");
		this.webClient = webClient.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false))
			.build();
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/**
	 * Logs in with the client credentials.
	 * @param clock clock that stamps the issue instant of the new token
	 * @return a {@code Mono} with the new token, or a {@link LookerApiException}
	 */
	public Mono<LookerAccessToken> login(Clock clock) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", this.clientId);
		form.add("client_secret", this.clientSecret);
		return this.webClient.post()
			.uri("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromFormData(form))
			.exchangeToMono((response) -> readLoginResponse(response, clock));
	}

	/**
	 * Revokes a token with {@code DELETE /logout}.
	 * @param token the token to revoke
	 * @return a {@code Mono} that completes when Looker confirmed the logout
	 */
	public Mono<Void> logout(LookerAccessToken token) {
		return bind(token).delete()
			.uri("/logout")
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? response.releaseBody()
					: LookerResponses.createException(response).flatMap(Mono::error));
	}

	/**
	 * Creates a web client that sends the given token on every request and does not
	 * refresh it.
	 * @param token the token to send
	 * @return a client rooted at {@code {base-url}/api/{api-version}}
	 */
	WebClient bind(LookerAccessToken token) {
		return this.webClient.mutate()
			.defaultHeaders((headers) -> headers.set(HttpHeaders.AUTHORIZATION, authorization(token)))
			.build();
	}

	static String authorization(LookerAccessToken token) {
		return "token " + token.value();
	}

	private Mono<LookerAccessToken> readLoginResponse(ClientResponse response, Clock clock) {
		HttpStatusCode status = response.statusCode();
		if (status.is2xxSuccessful()) {
			return LookerResponses.readSensitiveBody(response, LoginResponse.class)
				.flatMap((body) -> createToken(response, body, clock));
		}
		return LookerResponses.createException(response).flatMap((ex) -> Mono.error(loginFailed(status, ex)));
	}

	private Mono<LookerAccessToken> createToken(ClientResponse response, LoginResponse body, Clock clock) {
		if (body.accessToken() == null || body.accessToken().isBlank()) {
			return Mono.error(invalidLoginResponse(response, "has no access_token"));
		}
		if (body.expiresIn() == null) {
			return Mono.error(invalidLoginResponse(response, "has no expires_in"));
		}
		if (body.expiresIn() <= 0) {
			return Mono.error(invalidLoginResponse(response, "has a non-positive expires_in of " + body.expiresIn()));
		}
		Instant issuedAt = clock.instant();
		return Mono.just(new LookerAccessToken(body.accessToken(), issuedAt, Duration.ofSeconds(body.expiresIn())));
	}

	private static LookerApiException invalidLoginResponse(ClientResponse response, String problem) {
		String message = "Looker login response from POST " + LookerResponses.path(response) + " " + problem;
		return new LookerApiException(message, response.statusCode(), null, null, java.util.List.of(),
				HttpMethod.POST, LookerResponses.path(response), null);
	}

	private static LookerApiException loginFailed(HttpStatusCode status, LookerApiException ex) {
		int code = status.value();
		if (code == 401 || code == 403 || code == 404) {
			String message = "Looker rejected the login with " + LookerResponses.describeStatus(status) + " at POST "
					+ ex.getPath() + ": check looker.client-id and looker.client-secret, and that looker.base-url "
					+ "and looker.api-version point to the Looker API (Looker returns 404 for unknown credentials)";
			return new LookerAuthenticationException(message, status, ex.getLookerMessage(), ex.getDocumentationUrl(),
					HttpMethod.POST, ex.getPath());
		}
		return ex;
	}

	/**
	 * Body of a successful login. {@code refresh_token} is null or absent for API logins,
	 * so it is not read.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record LoginResponse(@JsonProperty("access_token") @Nullable String accessToken,
			@JsonProperty("token_type") @Nullable String tokenType,
			@JsonProperty("expires_in") @Nullable Long expiresIn) {

		@Override
		public String toString() {
			return "LoginResponse[tokenType=" + this.tokenType + ", expiresIn=" + this.expiresIn + "]";
		}

	}

}
