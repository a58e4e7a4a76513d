package io.github.lookersession.test;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts of the requests that a {@link FakeLooker} has served.
 */
final class RequestCounters {

	private final AtomicInteger logins = new AtomicInteger();

	private final AtomicInteger loginAttempts = new AtomicInteger();

	private final AtomicInteger sessionPatches = new AtomicInteger();

	private final AtomicInteger unauthorized = new AtomicInteger();

	private final AtomicInteger logouts = new AtomicInteger();

	private final AtomicInteger loginsInFlight = new AtomicInteger();

	private final AtomicInteger peakConcurrentLogins = new AtomicInteger();

	void loginStarted() {
		this.loginAttempts.incrementAndGet();
		int inFlight = this.loginsInFlight.incrementAndGet();
		this.peakConcurrentLogins.accumulateAndGet(inFlight, Math::max);
	}

	void loginFinished() {
		this.loginsInFlight.decrementAndGet();
	}

	void sessionPatched() {
		this.sessionPatches.incrementAndGet();
	}

	void responded(LookerRequest request, int status, boolean faultInjected) {
		if (status == 401) {
			this.unauthorized.incrementAndGet();
		}
		if (faultInjected || (status != 200 && status != 204)) {
			return;
		}
		if (request.isLogin()) {
			this.logins.incrementAndGet();
		}
		else if (request.isLogout()) {
			this.logouts.incrementAndGet();
		}
	}

	int logins() {
		return this.logins.get();
	}

	int loginAttempts() {
		return this.loginAttempts.get();
	}

	int sessionPatches() {
		return this.sessionPatches.get();
	}

	int unauthorized() {
		return this.unauthorized.get();
	}

	int logouts() {
		return this.logouts.get();
	}

	int peakConcurrentLogins() {
		return this.peakConcurrentLogins.get();
	}

	void reset() {
		this.logins.set(0);
		this.loginAttempts.set(0);
		this.sessionPatches.set(0);
		this.unauthorized.set(0);
		this.logouts.set(0);
		this.peakConcurrentLogins.set(this.loginsInFlight.get());
	}

}
