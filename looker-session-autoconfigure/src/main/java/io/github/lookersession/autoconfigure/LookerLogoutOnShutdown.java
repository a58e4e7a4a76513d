package io.github.lookersession.autoconfigure;

import io.github.lookersession.token.LookerTokenManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Revokes the current Looker access token when the application context closes, waiting
 * at most {@link LookerTokenManager#REVOKE_TIMEOUT}. A failure is logged, never thrown.
 *
 * <p>
 * The logout runs in the lifecycle stop phase {@link #PHASE}: after the web server's
 * graceful shutdown and stop, so requests in flight can still use the token, and before
 * Spring's {@code ReactorResourceFactory} (phase 0) closes the shared Reactor Netty event
 * loops that the logout request needs.
 */
class LookerLogoutOnShutdown implements SmartLifecycle {

	/**
	 * Lifecycle phase of the logout, below Spring Boot's web server phases and above
	 * Reactor Netty's resources.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(LookerLogoutOnShutdown.class);

	private final LookerTokenManager tokenManager;

	private volatile boolean running;

	LookerLogoutOnShutdown(LookerTokenManager tokenManager) {
		this.tokenManager = tokenManager;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			this.tokenManager.logout().timeout(LookerTokenManager.REVOKE_TIMEOUT).block();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not revoke the Looker access token on shutdown: " + ex.getMessage(),
					logger.isDebugEnabled() ? ex : null);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
