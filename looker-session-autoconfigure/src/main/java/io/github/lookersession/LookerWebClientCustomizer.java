package io.github.lookersession;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback that customizes the {@link WebClient.Builder} of the Looker client only.
 *
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.Ordered order} after
 * Spring Boot's own {@code WebClientCustomizer}s, to every web client that talks to
 * Looker: the login client, the client that post-login hooks receive, and
 * {@link LookerSessionClient#getWebClient()}. Other web clients of the application are not
 * affected. The customizer must not replace the base URL or the connector.
 */
@FunctionalInterface
public interface LookerWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param webClientBuilder the builder of the Looker client
	 */
	void customize(WebClient.Builder webClientBuilder);

}
