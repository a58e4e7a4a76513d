package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends calls through a client: either a fixed number of callers that each send the next
 * call as soon as the previous one ends (closed loop), or a burst of calls that all start
 * at once. A failed call is counted by exception type and does not stop its caller.
 */
final class LoadGenerator {

	/**
	 * Time allowed after the end of a run for the calls still in flight.
	 */
	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

	private LoadGenerator() {
	}

	/**
	 * Runs closed-loop callers until the duration has passed and every call in flight has
	 * ended.
	 * @param call supplier of the call; each {@code Mono} is subscribed once
	 * @param callers the number of concurrent callers
	 * @param duration how long callers start new calls
	 * @return the outcome
	 */
	static LoadResult closedLoop(Supplier<Mono<?>> call, int callers, Duration duration) {
		Outcomes outcomes = new Outcomes();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Flux.range(0, callers)
			.flatMap((caller) -> timedCall(call, outcomes).repeat(() -> System.nanoTime() < deadline), callers)
			.then()
			.block(duration.plus(DRAIN_TIMEOUT));
		return outcomes.result(System.nanoTime() - start);
	}

	/**
	 * Clears the fake's journal and counters, then runs closed-loop callers. Clearing
	 * keeps the fake's heap the same size from run to run, so its garbage collector does
	 * not slow later runs more than earlier ones.
	 * @param looker the fake that the calls reach
	 * @param call supplier of the call; each {@code Mono} is subscribed once
	 * @param callers the number of concurrent callers
	 * @param duration how long callers start new calls
	 * @return the outcome
	 * @throws IOException if the fake process cannot be reached
	 */
	static LoadResult closedLoop(FakeLookerControl looker, Supplier<Mono<?>> call, int callers, Duration duration)
			throws IOException {
		looker.reset();
		return closedLoop(call, callers, duration);
	}

	/**
	 * Starts all calls at once, each subscribed on Reactor's parallel scheduler, and
	 * waits until every one has ended.
	 * @param call supplier of the call; each {@code Mono} is subscribed once
	 * @param calls the number of calls
	 * @return the outcome
	 */
	static LoadResult burst(Supplier<Mono<?>> call, int calls) {
		Outcomes outcomes = new Outcomes();
		long start = System.nanoTime();
		Flux.range(0, calls)
			.flatMap((index) -> timedCall(() -> call.get().subscribeOn(Schedulers.parallel()), outcomes), calls)
			.then()
			.block(DRAIN_TIMEOUT);
		return outcomes.result(System.nanoTime() - start);
	}

	private static Mono<Void> timedCall(Supplier<Mono<?>> call, Outcomes outcomes) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return call.get()
				.doOnSuccess((value) -> outcomes.completed(System.nanoTime() - start))
				.onErrorResume((ex) -> {
					outcomes.failed(ex);
					return Mono.empty();
				})
				.then();
		});
	}

	/**
	 * Collects the outcomes of the calls of one run; thread-safe.
	 */
	private static final class Outcomes {

		private final Histogram latencies = new ConcurrentHistogram(3);

		private final AtomicLong completed = new AtomicLong();

		private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

		private final Map<String, String> errorMessages = new ConcurrentHashMap<>();

		void completed(long latencyNanos) {
			this.completed.incrementAndGet();
			this.latencies.recordValue(latencyNanos);
		}

		void failed(Throwable ex) {
			String type = ex.getClass().getSimpleName();
			this.errors.computeIfAbsent(type, (key) -> new LongAdder()).increment();
			this.errorMessages.putIfAbsent(type, String.valueOf(ex.getMessage()));
		}

		LoadResult result(long elapsedNanos) {
			Map<String, Long> errorsByType = new TreeMap<>();
			this.errors.forEach((type, count) -> errorsByType.put(type, count.sum()));
			return new LoadResult(this.completed.get(), errorsByType, new TreeMap<>(this.errorMessages),
					Duration.ofNanos(elapsedNanos), this.latencies.copy());
		}

	}

	/**
	 * Outcome of one run.
	 *
	 * @param completed the number of calls that succeeded
	 * @param errorsByType the number of failed calls by simple exception class name
	 * @param errorMessages the message of the first failure of each exception class,
	 * which names the cause; the starter's exception messages contain no secret or token
	 * @param elapsed the time from the first call to the end of the last one
	 * @param latencies the latency of every successful call, in nanoseconds
	 */
	record LoadResult(long completed, Map<String, Long> errorsByType, Map<String, String> errorMessages,
			Duration elapsed, Histogram latencies) {

		long errors() {
			return this.errorsByType.values().stream().mapToLong(Long::longValue).sum();
		}

		/**
		 * Returns the successful calls per second.
		 */
		double throughput() {
			return this.completed / (this.elapsed.toNanos() / 1e9);
		}

		double latencyMillis(double percentile) {
			return this.latencies.getValueAtPercentile(percentile) / 1e6;
		}

		double elapsedMillis() {
			return this.elapsed.toNanos() / 1e6;
		}

	}

}
