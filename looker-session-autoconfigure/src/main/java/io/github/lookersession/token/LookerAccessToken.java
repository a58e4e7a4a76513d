package io.github.lookersession.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Looker API access token with its expiry.
 *
 * <p>
 * The token value never leaves this package: {@link #toString()} and log lines identify
 * a token by {@link #getFingerprint() fingerprint}, the first eight hex digits of the
 * SHA-256 hash of its value.
 */
public final class LookerAccessToken {

	private final String value;

	private final String fingerprint;

	private final Instant issuedAt;

	private final Instant expiresAt;

	private volatile long workspaceVersion;

	LookerAccessToken(String value, Instant issuedAt, Duration lifetime) {
		this.value = value;
		this.fingerprint = fingerprint(value);
		this.issuedAt = issuedAt;
		this.expiresAt = issuedAt.plus(lifetime);
	}

	String value() {
		return this.value;
	}

	/**
	 * Returns a short, non-reversible identifier of this token for logs.
	 * @return eight hex digits
	 */
	public String getFingerprint() {
		return this.fingerprint;
	}

	/**
	 * Returns the instant at which the login response was received.
	 * @return the issue instant
	 */
	public Instant getIssuedAt() {
		return this.issuedAt;
	}

	/**
	 * Returns the instant at which Looker expires this token.
	 * @return the expiry instant
	 */
	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	long getWorkspaceVersion() {
		return this.workspaceVersion;
	}

	void setWorkspaceVersion(long workspaceVersion) {
		this.workspaceVersion = workspaceVersion;
	}

	@Override
	public String toString() {
		return "LookerAccessToken[fingerprint=" + this.fingerprint + ", expiresAt=" + this.expiresAt + "]";
	}

	private static String fingerprint(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
