package io.github.lookersession.test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Access tokens issued by a {@link FakeLooker} and their API sessions.
 *
 * <p>
 * Tokens are kept after they expire or are revoked, so that a request with such a token
 * can still be attributed to its session in the journal.
 */
final class SessionStore {

	private static final char[] TOKEN_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final int TOKEN_LENGTH = 40;

	private final SecureRandom random = new SecureRandom();

	private final AtomicLong sessionIds = new AtomicLong();

	private final Map<String, LookerSession> sessionsByToken = new ConcurrentHashMap<>();

	LookerSession create(String clientId, String userId, @Nullable String sudoUserId, Set<Permission> permissions,
			Instant expiresAt) {
		String id = "session-" + this.sessionIds.incrementAndGet();
		while (true) {
			String token = newToken();
			LookerSession session = new LookerSession(id, token, clientId, userId, sudoUserId, permissions,
					expiresAt);
			if (this.sessionsByToken.putIfAbsent(token, session) == null) {
				return session;
			}
		}
	}

	@Nullable LookerSession find(String accessToken) {
		return this.sessionsByToken.get(accessToken);
	}

	java.util.List<String> tokens() {
		return java.util.List.copyOf(this.sessionsByToken.keySet());
	}

	int countActive(Instant now) {
		return (int) this.sessionsByToken.values().stream().filter((session) -> session.isActive(now)).count();
	}

	void expireAll() {
		this.sessionsByToken.values().forEach(LookerSession::expire);
	}

	void revokeAll() {
		this.sessionsByToken.values().forEach(LookerSession::revoke);
	}

	private String newToken() {
		char[] token = new char[TOKEN_LENGTH];
		for (int i = 0; i < token.length; i++) {
			token[i] = TOKEN_CHARACTERS[this.random.nextInt(TOKEN_CHARACTERS.length)];
		}
		return new String(token);
	}

}
