package io.github.lookersession.autoconfigure;

import io.github.lookersession.token.LookerTokenManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Revokes the current Looker access token when the application context closes, waiting
 * at most {@link LookerTokenManager#REVOKE_TIMEOUT}. A failure is logged, never thrown.
 */
class LookerLogoutOnShutdown implements DisposableBean {

	private static final Log logger = LogFactory.getLog(LookerLogoutOnShutdown.class);

	private final LookerTokenManager tokenManager;

	LookerLogoutOnShutdown(LookerTokenManager tokenManager) {
		this.tokenManager = tokenManager;
	}

	@Override
	public void destroy() {
		try {
			this.tokenManager.logout().timeout(LookerTokenManager.REVOKE_TIMEOUT).block();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not revoke the Looker access token on shutdown: " + ex.getMessage(),
					logger.isDebugEnabled() ? ex : null);
		}
	}

}
