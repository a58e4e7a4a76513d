package io.github.lookersession.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.lookersession.token.DesiredWorkspace;
import io.github.lookersession.token.LookerAuthenticationFilter;
import io.github.lookersession.token.LookerLoginClient;
import io.github.lookersession.token.LookerTokenManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * JMH benchmark of the token path of one request when the token is valid: the
 * {@link ExchangeFilterFunction} that adds the {@code Authorization} header, driven with
 * an {@link ExchangeFunction} that does no I/O.
 *
 * <p>
 * {@link #lookerAuthenticationFilter()} measures {@link LookerAuthenticationFilter} with
 * a {@link LookerTokenManager} that already has a token.
 * {@link #springSecurityOAuth2Filter()} measures Spring Security's
 * {@link ServerOAuth2AuthorizedClientExchangeFilterFunction} with an
 * {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager}, which needs no
 * {@code ServerWebExchange}, that already has a client-credentials token. Both logins
 * get an in-memory response during setup, and both tokens are valid for an hour. Each
 * operation subscribes with {@code block()}, which costs both sides the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenFilterBenchmark {

	private static final String API_ROOT = "http://127.0.0.1:8080/api/4.0";

	private static final String CLIENT_ID = "benchmark-client-id";

	private static final String CLIENT_SECRET = "benchmark-client-secret";

	private static final String ACCESS_TOKEN = "benchmark-access-token";

	private ClientRequest request;

	private ExchangeFunction exchange;

	private ExchangeFilterFunction lookerFilter;

	private ExchangeFilterFunction springSecurityFilter;

	@Setup
	public void setUp() {
		this.request = ClientRequest.create(HttpMethod.GET, URI.create(API_ROOT + "/session")).build();
		Mono<ClientResponse> ok = Mono.just(ClientResponse.create(HttpStatus.OK).build());
		Mono<ClientResponse> missingHeader = Mono
			.error(new IllegalStateException("The filter sent no Authorization header"));
		this.exchange = (request) -> request.headers().containsHeader(HttpHeaders.AUTHORIZATION) ? ok : missingHeader;
		this.lookerFilter = createLookerFilter();
		this.springSecurityFilter = createSpringSecurityFilter();
		lookerAuthenticationFilter();
		springSecurityOAuth2Filter();
	}

	@Benchmark
	public ClientResponse lookerAuthenticationFilter() {
		return this.lookerFilter.filter(this.request, this.exchange).block();
	}

	@Benchmark
	public ClientResponse springSecurityOAuth2Filter() {
		return this.springSecurityFilter.filter(this.request, this.exchange).block();
	}

	private static ExchangeFilterFunction createLookerFilter() {
		String loginBody = "{\"access_token\":\"" + ACCESS_TOKEN
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":null}";
		WebClient loginWebClient = WebClient.builder()
			.baseUrl(API_ROOT)
			.exchangeFunction((login) -> Mono.just(ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.body(loginBody)
				.build()))
			.build();
		LookerLoginClient loginClient = new LookerLoginClient(loginWebClient, CLIENT_ID, CLIENT_SECRET);
		LookerTokenManager tokenManager = new LookerTokenManager(loginClient, new DesiredWorkspace("production"),
				List::of, Duration.ofSeconds(60));
		tokenManager.getToken().block(Duration.ofSeconds(10));
		return new LookerAuthenticationFilter(tokenManager);
	}

	private static ExchangeFilterFunction createSpringSecurityFilter() {
		ClientRegistration registration = ClientRegistration.withRegistrationId("looker")
			.clientId(CLIENT_ID)
			.clientSecret(CLIENT_SECRET)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(API_ROOT + "/login")
			.build();
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		var provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient((grantRequest) -> Mono.just(OAuth2AccessTokenResponse
			.withToken(ACCESS_TOKEN)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(3600)
			.build()));
		var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
				new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
		manager.setAuthorizedClientProvider(provider);
		var filter = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
		filter.setDefaultClientRegistrationId("looker");
		return filter;
	}

}
