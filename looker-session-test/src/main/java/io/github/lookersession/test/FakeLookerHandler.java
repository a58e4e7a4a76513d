package io.github.lookersession.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Reactor Netty handler of a {@link FakeLooker}: it journals and counts every request,
 * applies latency and faults, and passes the rest to {@link LookerApi}.
 *
 * <p>
 * A request is journaled, counted and passed to the exchange listeners before its
 * response is written, so a client that has received a response finds the request in
 * the journal.
 */
final class FakeLookerHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final Log logger = LogFactory.getLog(FakeLookerHandler.class);

	private final LookerApi api;

	private final Journal journal;

	private final RequestCounters counters;

	private final FaultRules faults;

	private final LatencyRules latency;

	private final ExchangeListeners listeners;

	private final Clock clock;

	FakeLookerHandler(LookerApi api, Journal journal, RequestCounters counters, FaultRules faults,
			LatencyRules latency, ExchangeListeners listeners, Clock clock) {
		this.api = api;
		this.journal = journal;
		this.counters = counters;
		this.faults = faults;
		this.latency = latency;
		this.listeners = listeners;
		this.clock = clock;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		LookerRequest lookerRequest = LookerRequest.from(request);
		RequestRecord record = this.journal.begin(lookerRequest, this.clock.instant());
		if (lookerRequest.isLogin()) {
			this.counters.loginStarted();
		}
		if (lookerRequest.isSessionPatch()) {
			this.counters.sessionPatched();
		}

		Fault fault = this.faults.take(lookerRequest.method(), lookerRequest.path());
		Duration delay = this.latency.latencyFor(lookerRequest.method(), lookerRequest.path());

		Mono<String> body = request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("");
		if (!delay.isZero()) {
			body = body.delayElement(delay);
		}
		return body.flatMap((content) -> respond(lookerRequest.withBody(content), fault, record, request, response))
			.doFinally((signal) -> finish(lookerRequest, record));
	}

	private Mono<Void> respond(LookerRequest request, @Nullable Fault fault, RequestRecord record,
			HttpServerRequest nettyRequest, HttpServerResponse response) {
		if (fault == null) {
			return send(request, serve(request, record), record, nettyRequest, response);
		}

		record.faultInjected();
		this.api.identifySession(request, record);
		if (fault.isConnectionReset()) {
			return resetConnection(request, record, nettyRequest);
		}
		return send(request, LookerResponse.of(fault), record, nettyRequest, response);
	}

	private LookerResponse serve(LookerRequest request, RequestRecord record) {
		try {
			return this.api.handle(request, record);
		}
		catch (RuntimeException ex) {
			logger.warn("Fake Looker failed to serve " + request.method() + " " + request.path(), ex);
			return LookerResponse.json(500, LookerJson.error("Internal error in the fake Looker server: " + ex));
		}
	}

	private Mono<Void> send(LookerRequest request, LookerResponse lookerResponse, RequestRecord record,
			HttpServerRequest nettyRequest, HttpServerResponse response) {
		record.status(lookerResponse.status());
		finish(request, record);
		this.listeners.exchanged(request, nettyRequest.requestHeaders(), nettyRequest.uri(), lookerResponse,
				record.isFaultInjected());

		response.status(lookerResponse.status());
		lookerResponse.headers().forEach(response::header);
		if (lookerResponse.contentType() != null) {
			response.header(HttpHeaderNames.CONTENT_TYPE, lookerResponse.contentType());
		}
		if (lookerResponse.body().length == 0) {
			return response.send();
		}
		return response.sendByteArray(Mono.just(lookerResponse.body())).then();
	}

	private Mono<Void> resetConnection(LookerRequest request, RequestRecord record, HttpServerRequest nettyRequest) {
		finish(request, record);
		this.listeners.exchanged(request, nettyRequest.requestHeaders(), nettyRequest.uri(), LookerResponse.empty(0),
				true);
		return Mono.create((sink) -> nettyRequest.withConnection((connection) -> {
			connection.onDispose(sink::success);
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close();
		}));
	}

	private void finish(LookerRequest request, RequestRecord record) {
		if (!record.complete()) {
			return;
		}
		if (request.isLogin()) {
			this.counters.loginFinished();
		}
		this.counters.responded(request, record.status(), record.isFaultInjected());
		this.journal.complete(record, this.clock.instant());
		if (logger.isDebugEnabled()) {
			String outcome = (record.status() != 0) ? "with status " + record.status() : "without a response";
			logger.debug("Fake Looker completed " + request.method() + " " + request.path() + " " + outcome
					+ (record.isFaultInjected() ? " (injected fault)" : ""));
		}
	}

}
