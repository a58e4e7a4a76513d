package io.github.lookersession.test;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * In-process HTTP server on {@code 127.0.0.1} that behaves like the Looker API session
 * endpoints, for testing Looker clients.
 *
 * <p>
 * The fake serves {@code POST /login}, {@code POST /login/{user_id}},
 * {@code DELETE /logout}, {@code GET} and {@code PATCH /session} and
 * {@code GET /lookml_models/{lookml_model_name}} under both {@code /api/4.0} and
 * {@code /api/3.1}, with the bodies of the official Looker OpenAPI specifications. Every
 * login issues a new access token with a new API session in the {@code production}
 * workspace, as Looker does. Sessions are shared between the two API versions, and only
 * the body format differs: {@code sudo_user_id} is a string in 4.0 and an integer in 3.1,
 * and the 3.1 login body has no {@code refresh_token}.
 *
 * <p>
 * Tests can expire or revoke every token, add latency, and replace responses with
 * {@linkplain Fault faults}. The fake journals every request with the workspace of the
 * session that served it, and counts logins, session updates, logouts and
 * {@code 401} responses. {@linkplain #addExchangeListener Exchange listeners} receive
 * each raw request and response. All methods are thread-safe.
 *
 * <p>
 * Typical use: <pre class="code">
 * try (FakeLooker looker = FakeLooker.builder().tokenLifetime(Duration.ofSeconds(2)).build()) {
 *     looker.start();
 *     // point the client at looker.baseUrl() with looker.properties()
 * }
 * </pre> In JUnit tests, {@link FakeLookerExtension} starts and stops the fake.
 *
 * <p>
 * NOTE: token expiry follows the configured {@link Clock}, but latency is real time.
 *
 * @see FakeLookerExtension
 */
public final class FakeLooker implements AutoCloseable {

	/**
	 * Client id of the client that every fake accepts, unless the builder replaces it.
	 */
	public static final String DEFAULT_CLIENT_ID = "fake-client-id";

	/**
	 * Client secret of the default client.
	 */
	public static final String DEFAULT_CLIENT_SECRET = "fake-client-secret";

	/**
	 * Name of a LookML model that exists in the {@code dev} workspace only.
	 */
	public static final String DEFAULT_DEV_ONLY_LOOKML_MODEL = "dev_only_model";

	/**
	 * Name of a LookML model that exists in both workspaces.
	 */
	public static final String DEFAULT_LOOKML_MODEL = "shared_model";

	/**
	 * Id of the workspace that every new API session starts in.
	 */
	public static final String PRODUCTION_WORKSPACE = LookerSession.PRODUCTION;

	/**
	 * Id of the development workspace, which needs the {@link Permission#DEVELOP}
	 * permission.
	 */
	public static final String DEV_WORKSPACE = LookerSession.DEV;

	/**
	 * Token lifetime unless the builder sets another, the usual lifetime of a Looker API
	 * token.
	 */
	public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

	private static final String HOST = "127.0.0.1";

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(FakeLooker.class);

	private final Map<String, ClientRegistration> clients;

	private final Clock clock;

	private final SessionStore sessions = new SessionStore();

	private final Journal journal = new Journal();

	private final RequestCounters counters = new RequestCounters();

	private final FaultRules faults = new FaultRules();

	private final LatencyRules latency = new LatencyRules();

	private final ExchangeListeners exchangeListeners = new ExchangeListeners();

	private final FakeLookerHandler handler;

	private final Object lifecycleMonitor = new Object();

	private int port;

	private @Nullable DisposableServer server;

	private @Nullable LoopResources loopResources;

	private FakeLooker(Builder builder) {
		this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(builder.clients));
		this.clock = builder.clock;
		this.port = builder.port;
		LookerApi api = new LookerApi(this.clients, builder.lookmlModels, builder.devOnlyLookmlModels,
				builder.tokenLifetime, this.clock, this.sessions);
		this.handler = new FakeLookerHandler(api, this.journal, this.counters, this.faults, this.latency,
				this.exchangeListeners, this.clock);
	}

	/**
	 * Creates a builder with the defaults: the {@link #DEFAULT_CLIENT_ID default client}
	 * with the {@link Permission#DEVELOP} permission, a one-hour token lifetime, the
	 * system clock, a free port, and the LookML models {@value #DEFAULT_LOOKML_MODEL} and
	 * {@value #DEFAULT_DEV_ONLY_LOOKML_MODEL}.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the server on {@code 127.0.0.1}. A fake that was stopped binds the port it
	 * had before, so clients can reconnect to it, and keeps its tokens and journal.
	 * @throws IllegalStateException if the fake is already running
	 */
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.server != null) {
				throw new IllegalStateException("Fake Looker is already running on " + baseUrl());
			}
			LoopResources loops = LoopResources.create("fake-looker", 1, 2, true);
			try {
				this.server = HttpServer.create()
					.host(HOST)
					.port(this.port)
					.runOn(loops)
					.handle(this.handler)
					.bindNow(Duration.ofSeconds(10));
			}
			catch (RuntimeException ex) {
				loops.disposeLater(Duration.ZERO, SHUTDOWN_TIMEOUT).block(SHUTDOWN_TIMEOUT);
				throw ex;
			}
			this.loopResources = loops;
			this.port = this.server.port();
			logger.debug("Fake Looker started on " + baseUrl());
		}
	}

	/**
	 * Stops the server and closes its connections. Does nothing if the fake is not
	 * running.
	 */
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			DisposableServer server = this.server;
			LoopResources loops = this.loopResources;
			if (server == null || loops == null) {
				return;
			}
			this.server = null;
			this.loopResources = null;
			server.disposeNow(SHUTDOWN_TIMEOUT);
			loops.disposeLater(Duration.ZERO, SHUTDOWN_TIMEOUT).block(SHUTDOWN_TIMEOUT);
			logger.debug("Fake Looker stopped on " + HOST + ":" + this.port);
		}
	}

	/**
	 * Stops the server, as {@link #stop()} does.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Returns whether the server is running.
	 * @return whether the server is running
	 */
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.server != null;
		}
	}

	/**
	 * Returns the port that the server is bound to, or was bound to before it stopped. A
	 * fake built with a fixed {@link Builder#port(int) port} returns that port before it
	 * starts.
	 * @return the port
	 * @throws IllegalStateException if the fake was never started and has no fixed port
	 */
	public int port() {
		synchronized (this.lifecycleMonitor) {
			if (this.port == 0) {
				throw new IllegalStateException("Fake Looker has no port yet: call start() first");
			}
			return this.port;
		}
	}

	/**
	 * Returns the base URL of the instance, such as {@code http://127.0.0.1:43123},
	 * without the {@code /api/4.0} root.
	 * @return the base URL
	 * @throws IllegalStateException if the fake was never started and has no fixed port
	 */
	public String baseUrl() {
		return "http://" + HOST + ":" + port();
	}

	/**
	 * Returns the id of the Looker user that owns a client's credentials. Users are
	 * numbered from 1 in the order their clients were added, starting with the default
	 * client.
	 * @param clientId the client id
	 * @return the user id
	 * @throws IllegalArgumentException if no client has that id
	 */
	public String userId(String clientId) {
		return client(clientId).userId();
	}

	/**
	 * Returns the id of the API session of an access token, the id that the journal
	 * shows, or {@code null} if the fake never issued the token.
	 * @param accessToken the access token
	 * @return the session id or {@code null}
	 */
	public @Nullable String sessionId(String accessToken) {
		LookerSession session = this.sessions.find(accessToken);
		return (session != null) ? session.id() : null;
	}

	/**
	 * Returns every access token that the fake has issued, so that tests can check that
	 * none of them reaches a log line or an exception message.
	 * @return the tokens, in no particular order
	 */
	public List<String> issuedAccessTokens() {
		return this.sessions.tokens();
	}

	/**
	 * Returns the number of tokens that are neither expired nor revoked.
	 * @return the number of active sessions
	 */
	public int activeSessionCount() {
		return this.sessions.countActive(this.clock.instant());
	}

	/**
	 * Expires every token issued so far. Requests with them get {@code 401}. Tokens issued
	 * later are not affected.
	 */
	public void expireAllTokens() {
		this.sessions.expireAll();
	}

	/**
	 * Revokes every token issued so far on the server side, as an administrator or a
	 * restart of Looker would. Requests with them get {@code 401}, although the client
	 * still considers them valid. Tokens issued later are not affected.
	 */
	public void revokeAllTokens() {
		this.sessions.revokeAll();
	}

	/**
	 * Delays every request by the given time before the fake serves it. An endpoint delay
	 * set with {@link #setLatency(String, Duration)} takes precedence.
	 * @param latency the delay, zero for none
	 */
	public void setLatency(Duration latency) {
		this.latency.set(EndpointPattern.ANY, validateLatency(latency));
	}

	/**
	 * Delays the requests to an endpoint by the given time before the fake serves them.
	 * For {@code POST /login}, the delay counts towards the logins in flight, so
	 * concurrent logins overlap.
	 * @param endpoint the method and path suffix, such as {@code "POST /login"},
	 * {@code "* /session"} for any method, or {@code "*"} for every request
	 * @param latency the delay, zero for none
	 * @throws IllegalArgumentException if the endpoint is not of that form
	 */
	public void setLatency(String endpoint, Duration latency) {
		this.latency.set(EndpointPattern.parse(endpoint), validateLatency(latency));
	}

	/**
	 * Removes every latency set by {@code setLatency}.
	 */
	public void clearLatency() {
		this.latency.clear();
	}

	/**
	 * Responds to the next {@code count} requests to an endpoint with a fault. Rules are
	 * tried in the order they were added and the first matching rule responds, so faults
	 * added one after the other take effect one after the other.
	 * @param endpoint the method and path suffix, such as {@code "PATCH /session"},
	 * {@code "* /login"} for any method, or {@code "*"} for every request
	 * @param fault the fault
	 * @param count the number of requests to respond to, at least 1
	 * @throws IllegalArgumentException if the endpoint is not of that form or the count
	 * is less than 1
	 */
	public void injectFault(String endpoint, Fault fault, int count) {
		Objects.requireNonNull(fault, "fault must not be null");
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, but was " + count);
		}
		this.faults.add(EndpointPattern.parse(endpoint), fault, count);
	}

	/**
	 * Responds to every request to an endpoint with a fault until
	 * {@link #clearFaults()}.
	 * @param endpoint the method and path suffix, such as {@code "PATCH /session"},
	 * {@code "* /login"} for any method, or {@code "*"} for every request
	 * @param fault the fault
	 * @throws IllegalArgumentException if the endpoint is not of that form
	 */
	public void injectFault(String endpoint, Fault fault) {
		Objects.requireNonNull(fault, "fault must not be null");
		this.faults.add(EndpointPattern.parse(endpoint), fault, FaultRules.UNLIMITED);
	}

	/**
	 * Removes every fault that has not run out yet.
	 */
	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * Registers a listener that receives every request the fake serves with the response
	 * it sends, as they crossed the wire, for example to check both against the Looker
	 * OpenAPI specification. The fake calls the listener on its event loop before it
	 * writes the response, so a client that has received a response has already been
	 * reported. Listeners stay registered until they are removed, also across
	 * {@link #reset()} and {@link FakeLookerExtension} tests. A listener that throws is
	 * logged and ignored.
	 * @param listener the listener, which should return quickly
	 */
	public void addExchangeListener(Consumer<RecordedExchange> listener) {
		this.exchangeListeners.add(Objects.requireNonNull(listener, "listener must not be null"));
	}

	/**
	 * Removes a listener added with {@link #addExchangeListener(Consumer)}. Does nothing
	 * if it is not registered.
	 * @param listener the listener
	 */
	public void removeExchangeListener(Consumer<RecordedExchange> listener) {
		this.exchangeListeners.remove(listener);
	}

	/**
	 * Returns the requests completed so far, in arrival order.
	 * @return an immutable snapshot of the journal
	 */
	public List<JournalEntry> journal() {
		return this.journal.entries();
	}

	/**
	 * Returns the number of successful client credential logins: {@code POST /login}
	 * requests with a {@code 200} response. Sudo logins are not counted.
	 * @return the number of logins
	 */
	public int loginCount() {
		return this.counters.logins();
	}

	/**
	 * Returns the number of {@code POST /login} requests under an API root, whatever
	 * their outcome, injected faults included.
	 * @return the number of login attempts
	 */
	public int loginAttemptCount() {
		return this.counters.loginAttempts();
	}

	/**
	 * Returns the number of {@code PATCH /session} requests, whatever their outcome,
	 * injected faults included.
	 * @return the number of session updates
	 */
	public int sessionPatchCount() {
		return this.counters.sessionPatches();
	}

	/**
	 * Returns the number of {@code 401} responses, injected faults included.
	 * @return the number of {@code 401} responses
	 */
	public int unauthorizedCount() {
		return this.counters.unauthorized();
	}

	/**
	 * Returns the number of successful logouts: {@code DELETE /logout} requests with a
	 * {@code 204} response.
	 * @return the number of logouts
	 */
	public int logoutCount() {
		return this.counters.logouts();
	}

	/**
	 * Returns the maximum number of {@code POST /login} requests that were in flight at
	 * the same time, from arrival until the response was ready, latency included.
	 * @return the peak number of concurrent logins
	 */
	public int peakConcurrentLogins() {
		return this.counters.peakConcurrentLogins();
	}

	/**
	 * Clears the journal and the counters. Tokens, sessions, latency and faults are kept,
	 * and journal sequence numbers continue from where they were.
	 */
	public void reset() {
		this.journal.clear();
		this.counters.reset();
	}

	/**
	 * Returns the {@code looker.base-url}, {@code looker.client-id} and
	 * {@code looker.client-secret} properties for the default client.
	 * @return the properties, in that order
	 * @throws IllegalStateException if the fake was never started
	 */
	public Map<String, String> properties() {
		return properties(DEFAULT_CLIENT_ID);
	}

	/**
	 * Returns the {@code looker.base-url}, {@code looker.client-id} and
	 * {@code looker.client-secret} properties for a client.
	 * @param clientId the client id
	 * @return the properties, in that order
	 * @throws IllegalArgumentException if no client has that id
	 * @throws IllegalStateException if the fake was never started
	 */
	public Map<String, String> properties(String clientId) {
		ClientRegistration client = client(clientId);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("looker.base-url", baseUrl());
		properties.put("looker.client-id", client.clientId());
		properties.put("looker.client-secret", client.clientSecret());
		return Collections.unmodifiableMap(properties);
	}

	/**
	 * Returns the {@link #properties()} as {@code key=value} strings, the form that
	 * {@code ApplicationContextRunner.withPropertyValues} takes.
	 * @return the properties
	 * @throws IllegalStateException if the fake was never started
	 */
	public String[] propertyValues() {
		return properties().entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Adds the {@link #properties()} of the default client to a registry, for use in a
	 * {@code @DynamicPropertySource} method. The base URL is read when Spring resolves
	 * the property, so the fake may be started after this call.
	 * @param registry the registry
	 */
	public void registerProperties(DynamicPropertyRegistry registry) {
		registerProperties(registry, DEFAULT_CLIENT_ID);
	}

	/**
	 * Adds the {@link #properties(String)} of a client to a registry, for use in a
	 * {@code @DynamicPropertySource} method. The base URL is read when Spring resolves
	 * the property, so the fake may be started after this call.
	 * @param registry the registry
	 * @param clientId the client id
	 * @throws IllegalArgumentException if no client has that id
	 */
	public void registerProperties(DynamicPropertyRegistry registry, String clientId) {
		ClientRegistration client = client(clientId);
		registry.add("looker.base-url", this::baseUrl);
		registry.add("looker.client-id", client::clientId);
		registry.add("looker.client-secret", client::clientSecret);
	}

	@Override
	public String toString() {
		synchronized (this.lifecycleMonitor) {
			return "FakeLooker[" + ((this.port != 0) ? baseUrl() : "not started") + ", running="
					+ (this.server != null) + "]";
		}
	}

	private ClientRegistration client(String clientId) {
		ClientRegistration client = this.clients.get(clientId);
		if (client == null) {
			throw new IllegalArgumentException(
					"No client with id '" + clientId + "' is configured; known ids: " + this.clients.keySet());
		}
		return client;
	}

	private static Duration validateLatency(Duration latency) {
		Objects.requireNonNull(latency, "latency must not be null");
		if (latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative, but was " + latency);
		}
		return latency;
	}

	/**
	 * Builder of a {@link FakeLooker}.
	 */
	public static final class Builder {

		private final Map<String, ClientRegistration> clients = new LinkedHashMap<>();

		private final Set<String> lookmlModels = new LinkedHashSet<>();

		private final Set<String> devOnlyLookmlModels = new LinkedHashSet<>();

		private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

		private Clock clock = Clock.systemUTC();

		private int port;

		private Builder() {
			client(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Permission.DEVELOP);
			lookmlModel(DEFAULT_LOOKML_MODEL);
			devOnlyLookmlModel(DEFAULT_DEV_ONLY_LOOKML_MODEL);
		}

		/**
		 * Sets how long each token is valid. The login body reports
		 * {@code expires_in} in whole seconds, rounded up and at least 1, but the fake
		 * rejects the token as soon as the exact lifetime has passed.
		 * @param tokenLifetime the token lifetime, positive
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			Objects.requireNonNull(tokenLifetime, "tokenLifetime must not be null");
			if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
				throw new IllegalArgumentException("tokenLifetime must be positive, but was " + tokenLifetime);
			}
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * Adds a client whose credentials the fake accepts, or replaces the client with
		 * the same id, such as the default client. Each new client belongs to a new user
		 * whose id is one more than the previous one, starting at 1.
		 * @param clientId the client id
		 * @param clientSecret the client secret
		 * @param permissions the permissions of the client's user, none for a user that
		 * can neither select the {@code dev} workspace nor log in as another user
		 * @return this builder
		 */
		public Builder client(String clientId, String clientSecret, Permission... permissions) {
			requireText(clientId, "clientId");
			requireText(clientSecret, "clientSecret");
			Set<Permission> permissionSet = EnumSet.noneOf(Permission.class);
			for (Permission permission : permissions) {
				permissionSet.add(Objects.requireNonNull(permission, "permissions must not contain null"));
			}
			ClientRegistration existing = this.clients.get(clientId);
			String userId = (existing != null) ? existing.userId() : Integer.toString(this.clients.size() + 1);
			this.clients.put(clientId, new ClientRegistration(clientId, clientSecret, userId, permissionSet));
			return this;
		}

		/**
		 * Adds a LookML model that exists in both workspaces.
		 * @param name the model name
		 * @return this builder
		 */
		public Builder lookmlModel(String name) {
			this.lookmlModels.add(validateModelName(name));
			return this;
		}

		/**
		 * Adds a LookML model that exists only in the {@code dev} workspace, so that
		 * {@code GET /lookml_models/{name}} returns {@code 404} in {@code production}.
		 * @param name the model name
		 * @return this builder
		 */
		public Builder devOnlyLookmlModel(String name) {
			this.devOnlyLookmlModels.add(validateModelName(name));
			return this;
		}

		/**
		 * Sets the clock that issues tokens, decides their expiry and stamps the
		 * journal.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Sets the port to bind, 0 for a free port chosen by the operating system.
		 * @param port the port, from 0 to 65535
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535, but was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Builds the fake. It does not start until {@link FakeLooker#start()}.
		 * @return the fake
		 */
		public FakeLooker build() {
			return new FakeLooker(this);
		}

		private static void requireText(String value, String name) {
			Objects.requireNonNull(value, name + " must not be null");
			if (value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
		}

		private static String validateModelName(String name) {
			requireText(name, "name");
			if (name.contains("/")) {
				throw new IllegalArgumentException("LookML model name must not contain '/', but was '" + name + "'");
			}
			return name;
		}

	}

}
