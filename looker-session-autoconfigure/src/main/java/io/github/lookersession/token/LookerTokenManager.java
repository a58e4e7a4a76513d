package io.github.lookersession.token;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerPostLoginContext;
import io.github.lookersession.LookerPostLoginHook;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Holder of the current Looker access token that logs in on demand.
 *
 * <p>
 * <b>Single-flight login.</b> When no usable token exists, the first caller installs a
 * pending login with compare-and-set and every concurrent caller waits for that same
 * login. The login runs to its end even if the caller that started it cancels.
 *
 * <p>
 * <b>Post-login hooks.</b> After each login, every {@link LookerPostLoginHook} runs in
 * order with a web client bound to the new token. Only when all of them succeed is the
 * token published to callers, so no other request is ever sent with a token whose
 * session is not yet set up. If a hook fails, the token is revoked (best effort, bounded
 * by {@link #REVOKE_TIMEOUT}) and never published.
 *
 * <p>
 * <b>Caching.</b> A token counts as expired the refresh margin before Looker's
 * {@code expires_in} ends, and also when the {@linkplain DesiredWorkspace desired
 * workspace} changed after its session was set up. Success is cached; a failed login is
 * not: every caller waiting on it receives the same error, and the next call tries
 * again.
 *
 * <p>
 * NOTE: a token whose lifetime is shorter than the refresh margin is handed to the
 * callers that waited for its login, and the next call logs in again.
 */
public final class LookerTokenManager {

	/**
	 * Upper bound of the time spent revoking a token.
	 */
	public static final Duration REVOKE_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Name of the observation of each login, including its post-login hooks.
	 */
	public static final String LOGIN_OBSERVATION = "looker.login";

	private static final Log logger = LogFactory.getLog(LookerTokenManager.class);

	private final LookerLoginClient loginClient;

	private final DesiredWorkspace desiredWorkspace;

	private final Supplier<List<LookerPostLoginHook>> hooks;

	private final Duration refreshMargin;

	private final AtomicReference<State> state = new AtomicReference<>(new Empty(LoginReason.FIRST_USE));

	private Clock clock = Clock.systemUTC();

	private Duration hookTimeout = Duration.ofMinutes(5);

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	/**
	 * Creates a token manager.
	 * @param loginClient client for login and logout calls
	 * @param desiredWorkspace workspace that new sessions are switched to
	 * @param hooks supplier of the post-login hooks in the order they run, called once at
	 * the first login so that hooks may depend on beans that depend on this manager
	 * @param refreshMargin time before expiry at which a token counts as expired
	 */
	public LookerTokenManager(LookerLoginClient loginClient, DesiredWorkspace desiredWorkspace,
			Supplier<List<LookerPostLoginHook>> hooks, Duration refreshMargin) {
		Assert.notNull(loginClient, "loginClient cannot be null");
		Assert.notNull(desiredWorkspace, "desiredWorkspace cannot be null");
		Assert.notNull(hooks, "hooks cannot be null");
		Assert.notNull(refreshMargin, "refreshMargin cannot be null");
		Assert.isTrue(!refreshMargin.isNegative(), "refreshMargin cannot be negative");
		this.loginClient = loginClient;
		this.desiredWorkspace = desiredWorkspace;
		this.hooks = SingletonSupplier.of(hooks);
		this.refreshMargin = refreshMargin;
	}

	/**
	 * Sets the clock used to decide whether a token has expired.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	/**
	 * Sets the upper bound of the time each post-login hook may take, after which it
	 * fails the login. Defaults to five minutes.
	 * @param hookTimeout the time limit of one hook
	 */
	public void setHookTimeout(Duration hookTimeout) {
		Assert.notNull(hookTimeout, "hookTimeout cannot be null");
		Assert.isTrue(!hookTimeout.isNegative() && !hookTimeout.isZero(), "hookTimeout must be positive");
		this.hookTimeout = hookTimeout;
	}

	/**
	 * Sets the registry for the {@code looker.login} observation, which has the
	 * low-cardinality keys {@code reason} and {@code outcome}. Login requests and hook
	 * calls are observed as its children.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "observationRegistry cannot be null");
		this.observationRegistry = observationRegistry;
	}

	ObservationRegistry getObservationRegistry() {
		return this.observationRegistry;
	}

	/**
	 * Returns the workspace that new sessions are switched to.
	 * @return the desired workspace
	 */
	public DesiredWorkspace getDesiredWorkspace() {
		return this.desiredWorkspace;
	}

	/**
	 * Returns a usable token, logging in first if there is none.
	 * @return a {@code Mono} with a token whose post-login hooks have all succeeded, or a
	 * {@link LookerApiException} if the login or a hook failed
	 */
	public Mono<LookerAccessToken> getToken() {
		return Mono.defer(this::currentOrLogin);
	}

	/**
	 * Returns the current token without logging in.
	 * @return the token, or {@code null} if there is no usable token now
	 */
	public @Nullable LookerAccessToken getCurrentToken() {
		State current = this.state.get();
		return (current instanceof Current published && isUsable(published)) ? published.token() : null;
	}

	/**
	 * Discards the given token if it is still the current one, so that the next call
	 * logs in again. A token that was already replaced is ignored, so concurrent callers
	 * that were all rejected with the same token cause a single new login.
	 * @param token the token that Looker rejected
	 * @return whether the token was the current one and has been discarded
	 */
	public boolean invalidate(LookerAccessToken token) {
		State current = this.state.get();
		return current instanceof Current published && published.token() == token
				&& this.state.compareAndSet(current, new Empty(LoginReason.UNAUTHORIZED));
	}

	/**
	 * Records that a request made with the given token selected a workspace for its
	 * session, which becomes the workspace that later sessions are switched to.
	 * @param workspaceId the selected workspace
	 * @param token the token whose session now runs in that workspace, or {@code null} if
	 * unknown
	 */
	public void workspaceSelected(String workspaceId, @Nullable LookerAccessToken token) {
		long version = this.desiredWorkspace.select(workspaceId);
		if (token != null) {
			token.setWorkspaceVersion(version);
		}
	}

	/**
	 * Revokes the current token, if any, with {@code DELETE /logout}. Later calls log in
	 * again.
	 * @return a {@code Mono} that completes when the token is revoked or there is none
	 */
	public Mono<Void> logout() {
		return Mono.defer(() -> {
			State previous = this.state.getAndSet(new Empty(LoginReason.FIRST_USE));
			if (previous instanceof Current published) {
				return this.loginClient.logout(published.token())
					.doOnSuccess((ignored) -> logger.info("Logged out of Looker, revoked access token "
							+ published.token().getFingerprint()));
			}
			return Mono.empty();
		});
	}

	private Mono<LookerAccessToken> currentOrLogin() {
		while (true) {
			State current = this.state.get();
			if (current instanceof Pending pending) {
				return pending.result().asMono();
			}
			if (current instanceof Current published && isUsable(published)) {
				return published.mono();
			}
			Pending pending = new Pending(Sinks.one());
			if (this.state.compareAndSet(current, pending)) {
				startLogin(pending, reasonFor(current));
				return pending.result().asMono();
			}
		}
	}

	private LoginReason reasonFor(State current) {
		if (current instanceof Empty empty) {
			return empty.nextReason();
		}
		Current published = (Current) current;
		return (published.token().getWorkspaceVersion() != this.desiredWorkspace.getVersion())
				? LoginReason.WORKSPACE_CHANGED : LoginReason.EXPIRY;
	}

	private boolean isUsable(Current current) {
		return this.clock.millis() < current.refreshAtMillis()
				&& current.token().getWorkspaceVersion() == this.desiredWorkspace.getVersion();
	}
	private long refreshAtMillis(LookerAccessToken token) {
		return token.getExpiresAt().minus(this.refreshMargin).toEpochMilli();
	}

	private void startLogin(Pending pending, LoginReason reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Logging in to Looker (" + reason.getDescription() + ")");
		}
		Observation observation = Observation.createNotStarted(LOGIN_OBSERVATION, this.observationRegistry)
			.contextualName("looker login")
			.lowCardinalityKeyValue("reason", reason.getTagValue())
			.start();
		login(reason).contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation))
			.subscribe((token) -> {
				observation.lowCardinalityKeyValue("outcome", "success").stop();
				this.state.set(new Current(token, refreshAtMillis(token), Mono.just(token)));
				pending.result().tryEmitValue(token);
			}, (ex) -> {
				observation.lowCardinalityKeyValue("outcome", "failure").error(ex);
				observation.stop();
				this.state.compareAndSet(pending, new Empty(LoginReason.RETRY));
				pending.result().tryEmitError(ex);
			});
	}

	private Mono<LookerAccessToken> login(LoginReason reason) {
		DesiredWorkspace.Selection selection = this.desiredWorkspace.getSelection();
		return this.loginClient.login(this.clock)
			.onErrorResume((ex) -> Mono.error(loginFailed(ex)))
			.doOnNext((token) -> loggedIn(token, reason, selection))
			.flatMap((token) -> runHooks(token, selection));
	}

	private void loggedIn(LookerAccessToken token, LoginReason reason, DesiredWorkspace.Selection selection) {
		long lifetime = Duration.between(token.getIssuedAt(), token.getExpiresAt()).toSeconds();
		logger.info("Logged in to Looker (" + reason.getDescription() + "): access token " + token.getFingerprint()
				+ " valid for " + lifetime + " s, desired workspace '" + selection.workspaceId()
				+ "'; the token is used once the post-login hooks succeed");
	}

	private Throwable loginFailed(Throwable ex) {
		logger.warn("Looker login failed: " + ex.getMessage(), logger.isDebugEnabled() ? ex : null);
		return ex;
	}

	private Mono<LookerAccessToken> runHooks(LookerAccessToken token, DesiredWorkspace.Selection selection) {
		LookerPostLoginContext context = new LookerPostLoginContext(this.loginClient.bind(token),
				token.getExpiresAt());
		return Flux.fromIterable(this.hooks.get())
			.concatMap((hook) -> runHook(hook, context))
			.then(Mono.fromCallable(() -> published(token, selection)))
			.onErrorResume((ex) -> revoke(token).then(Mono.error(ex)));
	}

	private Mono<Void> runHook(LookerPostLoginHook hook, LookerPostLoginContext context) {
		return Mono.defer(() -> hook.afterLogin(context))
			.timeout(this.hookTimeout,
					Mono.error(() -> new TimeoutException("did not complete within " + this.hookTimeout.toMillis() + " ms")))
			.onErrorMap((ex) -> hookFailed(hook, ex));
	}

	private Throwable hookFailed(LookerPostLoginHook hook, Throwable ex) {
		logger.warn("Looker post-login hook " + hook.getClass().getName() + " failed, discarding the new token: "
				+ ex.getMessage(), logger.isDebugEnabled() ? ex : null);
		if (ex instanceof LookerApiException) {
			return ex;
		}
		String message = "Looker post-login hook " + hook.getClass().getName() + " failed: " + ex.getMessage();
		return new LookerApiException(message, null, null, null, List.of(), null, null, ex);
	}

	private LookerAccessToken published(LookerAccessToken token, DesiredWorkspace.Selection selection) {
		token.setWorkspaceVersion(selection.version());
		if (logger.isDebugEnabled()) {
			logger.debug("Post-login hooks succeeded, using Looker access token " + token.getFingerprint());
		}
		return token;
	}

	private Mono<Void> revoke(LookerAccessToken token) {
		return this.loginClient.logout(token)
			.timeout(REVOKE_TIMEOUT)
			.doOnSuccess((ignored) -> logger.info("Revoked Looker access token " + token.getFingerprint()))
			.onErrorResume((ex) -> {
				logger.warn("Could not revoke Looker access token " + token.getFingerprint() + ": " + ex.getMessage());
				return Mono.empty();
			});
	}

	/**
	 * Reason for a login, written to the log and to the {@code reason} key of the
	 * {@code looker.login} observation.
	 */
	enum LoginReason {

		FIRST_USE("first use", "first_use"), EXPIRY("token expiring", "expiry"),
		UNAUTHORIZED("token rejected with 401", "unauthorized"), RETRY("previous login failed", "retry"),
		WORKSPACE_CHANGED("desired workspace changed", "workspace_changed");

		private final String description;

		private final String tagValue;

		LoginReason(String description, String tagValue) {
			this.description = description;
			this.tagValue = tagValue;
		}

		String getDescription() {
			return this.description;
		}

		String getTagValue() {
			return this.tagValue;
		}

	}

	private sealed interface State permits Empty, Pending, Current {

	}

	private record Empty(LoginReason nextReason) implements State {

	}

	private record Pending(Sinks.One<LookerAccessToken> result) implements State {

	}

	/**
	 * Published token with its refresh instant in epoch milliseconds and a ready
	 * {@code Mono}, so that a request with a valid token allocates nothing here.
	 */
	private record Current(LookerAccessToken token, long refreshAtMillis,
			Mono<LookerAccessToken> mono) implements State {

	}

}
