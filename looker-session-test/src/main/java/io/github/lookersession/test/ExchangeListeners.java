package io.github.lookersession.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.netty.handler.codec.http.HttpHeaders;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Exchange listeners of a {@link FakeLooker}. An exchange is built only when at least one
 * listener is registered, so the fake pays nothing for them otherwise.
 */
final class ExchangeListeners {

	private static final Log logger = LogFactory.getLog(ExchangeListeners.class);

	private final List<Consumer<RecordedExchange>> listeners = new CopyOnWriteArrayList<>();

	void add(Consumer<RecordedExchange> listener) {
		this.listeners.add(listener);
	}

	void remove(Consumer<RecordedExchange> listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Calls every listener with the exchange. A listener that throws is logged and does
	 * not stop the others or the response.
	 */
	void exchanged(LookerRequest request, HttpHeaders requestHeaders, String uri, LookerResponse response,
			boolean faultInjected) {
		if (this.listeners.isEmpty()) {
			return;
		}
		RecordedExchange exchange = new RecordedExchange(request.method(), uri, request.apiVersion(),
				headers(requestHeaders), request.body(), response.status(), responseHeaders(response),
				new String(response.body(), StandardCharsets.UTF_8), faultInjected);
		for (Consumer<RecordedExchange> listener : this.listeners) {
			try {
				listener.accept(exchange);
			}
			catch (RuntimeException ex) {
				logger.warn("Fake Looker exchange listener failed on " + exchange, ex);
			}
		}
	}

	private static Map<String, List<String>> headers(HttpHeaders headers) {
		Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (String name : headers.names()) {
			map.put(name, List.copyOf(headers.getAll(name)));
		}
		return Collections.unmodifiableMap(map);
	}

	private static Map<String, List<String>> responseHeaders(LookerResponse response) {
		Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		response.headers().forEach((name, value) -> map.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value));
		if (response.contentType() != null) {
			map.put("Content-Type", List.of(response.contentType()));
		}
		map.replaceAll((name, values) -> List.copyOf(values));
		return Collections.unmodifiableMap(map);
	}

}
