package io.github.lookersession.token;

import io.github.lookersession.http.LookerResponses;
import java.util.function.Consumer;

import io.github.lookersession.LookerAuthenticationException;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * {@link ExchangeFilterFunction} that sends the current Looker access token and replays
 * a request once after a 401.
 *
 * <p>
 * Looker returns 401 for an expired or revoked token. The filter then discards the token
 * if it is still the current one, waits for a fresh login (with its post-login hooks),
 * and sends the request again with the new token. A second 401 fails the request with a
 * {@link LookerAuthenticationException}; there is no further attempt.
 *
 * <p>
 * NOTE: the replay sends the request body again, so a request whose body publisher can
 * be subscribed only once fails on the replay.
 */
public final class LookerAuthenticationFilter implements ExchangeFilterFunction {

	/**
	 * Name of a request attribute with a {@code Consumer<LookerAccessToken>} that the filter
	 * calls with the token of each request it sends, so a caller can learn which session
	 * served its request.
	 */
	public static final String TOKEN_LISTENER_ATTRIBUTE = LookerAuthenticationFilter.class.getName()
			+ ".tokenListener";
	/**
	 * Name of the observation of each request that is sent again after a 401.
	 */
	public static final String REPLAY_OBSERVATION = "looker.replay";

	private static final Log logger = LogFactory.getLog(LookerAuthenticationFilter.class);

	private final LookerTokenManager tokenManager;

	/**
	 * Creates a filter that takes tokens from the given manager.
	 * @param tokenManager the token manager
	 */
	public LookerAuthenticationFilter(LookerTokenManager tokenManager) {
		Assert.notNull(tokenManager, "tokenManager cannot be null");
		this.tokenManager = tokenManager;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		LookerAccessToken current = this.tokenManager.getCurrentToken();
		if (current != null) {
			return send(request, current, next);
		}
		return this.tokenManager.getToken().flatMap((token) -> send(request, token, next));
	}

	private Mono<ClientResponse> send(ClientRequest request, LookerAccessToken token, ExchangeFunction next) {
		return exchange(request, token, next).flatMap((response) -> isUnauthorized(response)
				? replay(request, token, response, next) : Mono.just(response));
	}

	private Mono<ClientResponse> replay(ClientRequest request, LookerAccessToken rejected, ClientResponse response,
			ExchangeFunction next) {
		Observation observation = Observation
			.createNotStarted(REPLAY_OBSERVATION, this.tokenManager.getObservationRegistry())
			.contextualName("looker replay after 401")
			.lowCardinalityKeyValue("method", request.method().name());
		return response.releaseBody()
			.then(Mono.defer(() -> freshToken(request, rejected)))
			.flatMap((token) -> exchange(request, token, next)
				.flatMap((replayed) -> isUnauthorized(replayed) ? rejectedAgain(request, token, replayed)
						: Mono.just(replayed)))
			.doOnSubscribe((subscription) -> observation.start())
			.doOnNext((replayed) -> observation.lowCardinalityKeyValue("outcome", "success"))
			.doOnError((ex) -> observation.lowCardinalityKeyValue("outcome", "failure").error(ex))
			.doFinally((signal) -> observation.stop());
	}

	private Mono<LookerAccessToken> freshToken(ClientRequest request, LookerAccessToken rejected) {
		if (this.tokenManager.invalidate(rejected)) {
			logger.info("Looker rejected access token " + rejected.getFingerprint() + " with 401 on "
					+ request.method() + " " + request.url().getRawPath() + "; logging in again");
		}
		return this.tokenManager.getToken();
	}

	private Mono<ClientResponse> rejectedAgain(ClientRequest request, LookerAccessToken token,
			ClientResponse response) {
		this.tokenManager.invalidate(token);
		return LookerResponses.createException(response).flatMap((ex) -> {
			String message = "Looker rejected " + request.method() + " " + request.url().getRawPath()
					+ " with 401 again after a fresh login: check that the API user is active and that "
					+ "looker.base-url points to a single Looker instance";
			return Mono.error(new LookerAuthenticationException(message, response.statusCode(),
					ex.getLookerMessage(), ex.getDocumentationUrl(), request.method(), request.url().getRawPath()));
		});
	}

	private Mono<ClientResponse> exchange(ClientRequest request, LookerAccessToken token, ExchangeFunction next) {
		ClientRequest authorized = ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, LookerLoginClient.authorization(token)))
			.build();
		recordTokenUse(request, token);
		return next.exchange(authorized);
	}

	private static boolean isUnauthorized(ClientResponse response) {
		return response.statusCode().value() == HttpStatus.UNAUTHORIZED.value();
	}

	@SuppressWarnings("unchecked")
	private static void recordTokenUse(ClientRequest request, LookerAccessToken token) {
		Object listener = request.attributes().get(TOKEN_LISTENER_ATTRIBUTE);
		if (listener != null) {
			((Consumer<LookerAccessToken>) listener).accept(token);
		}
	}

}
