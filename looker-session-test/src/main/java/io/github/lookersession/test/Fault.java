package io.github.lookersession.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Response that a {@link FakeLooker} sends in place of the real one, or a connection reset.
 *
 * <p>
 * A fault takes effect once it is registered with
 * {@link FakeLooker#injectFault(String, Fault, int)} or
 * {@link FakeLooker#injectFault(String, Fault)}. The fake then responds to matching
 * requests with the fault without processing them, so it does not check the token,
 * create a session or change a workspace.
 *
 * <p>
 * Instances are immutable: {@link #withHeader(String, String)} returns a copy.
 */
public final class Fault {

	private static final String JSON = "application/json";

	private final int status;

	private final byte[] body;

	private final @Nullable String contentType;

	private final Map<String, String> headers;

	private final boolean connectionReset;

	private Fault(int status, byte[] body, @Nullable String contentType, Map<String, String> headers,
			boolean connectionReset) {
		this.status = status;
		this.body = body;
		this.contentType = contentType;
		this.headers = Collections.unmodifiableMap(headers);
		this.connectionReset = connectionReset;
	}

	/**
	 * Creates a fault that responds with the given status and raw body, such as an HTML
	 * page from a proxy or truncated JSON.
	 * @param status the HTTP status code, from 100 to 599
	 * @param body the response body, sent as UTF-8
	 * @param contentType the {@code Content-Type} header value, or {@code null} to send
	 * none
	 * @return the fault
	 */
	public static Fault response(int status, String body, @Nullable String contentType) {
		Objects.requireNonNull(body, "body must not be null");
		return new Fault(validateStatus(status), body.getBytes(StandardCharsets.UTF_8), contentType,
				new LinkedHashMap<>(), false);
	}

	/**
	 * Creates a fault that responds with the given status, an empty body and no
	 * {@code Content-Type} header.
	 * @param status the HTTP status code, from 100 to 599
	 * @return the fault
	 */
	public static Fault emptyResponse(int status) {
		return new Fault(validateStatus(status), new byte[0], null, new LinkedHashMap<>(), false);
	}

	/**
	 * Creates a fault that responds with {@code 429 Too Many Requests}, a Looker error
	 * body and no {@code Retry-After} header.
	 * @return the fault
	 */
	public static Fault tooManyRequests() {
		byte[] body = LookerJson.error("Too Many Requests").getBytes(StandardCharsets.UTF_8);
		return new Fault(429, body, JSON, new LinkedHashMap<>(), false);
	}

	/**
	 * Creates a fault that responds with {@code 429 Too Many Requests}, a Looker error
	 * body and a {@code Retry-After} header in whole seconds, rounded up.
	 * @param retryAfter the time the client is asked to wait, zero or positive
	 * @return the fault
	 */
	public static Fault tooManyRequests(Duration retryAfter) {
		Objects.requireNonNull(retryAfter, "retryAfter must not be null");
		if (retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be negative, but was " + retryAfter);
		}
		return tooManyRequests().withHeader("Retry-After", Long.toString(LookerJson.secondsRoundedUp(retryAfter)));
	}

	/**
	 * Creates a fault that closes the connection without sending a response. The socket
	 * is closed with {@code SO_LINGER} set to zero, so the client sees a TCP reset.
	 * @return the fault
	 */
	public static Fault connectionReset() {
		return new Fault(0, new byte[0], null, new LinkedHashMap<>(), true);
	}

	/**
	 * Returns a copy of this fault that also sends the given response header. A header
	 * of the same name is replaced.
	 * @param name the header name
	 * @param value the header value
	 * @return the new fault
	 * @throws IllegalStateException if this fault is a connection reset
	 */
	public Fault withHeader(String name, String value) {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(value, "value must not be null");
		if (this.connectionReset) {
			throw new IllegalStateException("A connection reset sends no response, so it cannot have headers");
		}
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new Fault(this.status, this.body, this.contentType, copy, false);
	}

	int status() {
		return this.status;
	}

	byte[] body() {
		return this.body.clone();
	}

	@Nullable String contentType() {
		return this.contentType;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	boolean isConnectionReset() {
		return this.connectionReset;
	}

	@Override
	public String toString() {
		if (this.connectionReset) {
			return "Fault[connection reset]";
		}
		return "Fault[status=" + this.status + ", contentType=" + this.contentType + ", headers=" + this.headers
				+ ", bodyLength=" + this.body.length + "]";
	}

	private static int validateStatus(int status) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("status must be between 100 and 599, but was " + status);
		}
		return status;
	}

}
