package io.github.lookersession.http;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.github.lookersession.LookerApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * Maps failures that happen before a Looker response arrives to
 * {@link LookerApiException}s that name the request.
 */
final class LookerRequestFailures {

	private LookerRequestFailures() {
	}

	static LookerApiException toException(ClientRequest request, Throwable ex) {
		String target = request.method() + " " + request.url().getRawPath();
		String message;
		if (isTimeout(ex)) {
			message = "Looker request " + target + " timed out; check that looker.base-url is reachable, or raise "
					+ "looker.read-timeout or looker.connect-timeout";
		}
		else if (find(ex, SSLException.class) != null) {
			message = "Looker request " + target + " failed TLS: " + rootMessage(ex)
					+ "; for a private certificate authority set looker.ssl.bundle";
		}
		else {
			message = "Looker request " + target + " failed: " + rootMessage(ex);
		}
		return new LookerApiException(message, null, null, null, List.of(), request.method(),
				request.url().getRawPath(), ex);
	}

	/**
	 * Returns whether the failure is a refused, reset or prematurely closed connection, or
	 * a full queue of Reactor Netty's connection pool, which are worth retrying. A full
	 * queue means the request was never sent. TLS failures and timeouts are not retried.
	 * @param ex the failure
	 * @return whether to retry
	 */
	static boolean isConnectionFailure(Throwable ex) {
		if (isPoolQueueFull(ex)) {
			return true;
		}
		return find(ex, IOException.class) != null && find(ex, SSLException.class) == null && !isTimeout(ex);
	}

	private static boolean isPoolQueueFull(Throwable ex) {
		// Reactor Netty shades reactor-pool, so the exception is matched by its simple name.
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("PoolAcquirePendingLimitException")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
