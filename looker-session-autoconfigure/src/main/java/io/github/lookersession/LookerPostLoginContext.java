package io.github.lookersession;

import java.time.Instant;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * New Looker login, as passed to each {@link LookerPostLoginHook}.
 *
 * <p>
 * The web client is rooted at {@code {base-url}/api/{api-version}} and sends the new
 * access token on every request. It does not log in again or replay a request after a
 * 401, so a hook cannot trigger another login.
 *
 * @param webClient client bound to the new access token
 * @param expiresAt instant at which Looker expires the token
 */
public record LookerPostLoginContext(WebClient webClient, Instant expiresAt) {

}
