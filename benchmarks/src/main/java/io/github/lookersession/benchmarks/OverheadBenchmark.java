package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.github.lookersession.ApiSession;
import io.github.lookersession.benchmarks.BenchmarkClients.SessionClient;
import io.github.lookersession.benchmarks.LoadGenerator.LoadResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.lookersession.benchmarks.Statistics.decimal;
import static io.github.lookersession.benchmarks.Statistics.median;

/**
 * Overhead of {@link io.github.lookersession.LookerSessionClient#getSession()} with a
 * valid token, against a plain {@code WebClient} that sends {@code GET /session} with a
 * fixed {@code Authorization: token ...} header over the same connection pool. Both read
 * the body into an {@link ApiSession}.
 *
 * <p>
 * For each concurrency, both sides warm up, then run in alternating order for the
 * configured rounds. Each round yields a throughput ratio and a p99 latency ratio
 * (starter divided by plain); the report gives the medians of the rounds.
 */
final class OverheadBenchmark {

	static final double MIN_THROUGHPUT_RATIO = 0.95;

	static final double MAX_P99_RATIO = 1.1;

	private static final Log logger = LogFactory.getLog(OverheadBenchmark.class);

	private OverheadBenchmark() {
	}

	static void run(BenchmarkSettings settings, FakeLookerControl looker, BenchmarkReport report)
			throws IOException {
		BenchmarkClients clients = new BenchmarkClients(looker.baseUrl());
		SessionClient session = clients.createSessionClient(ApiSession.DEV_WORKSPACE, Duration.ofSeconds(60));
		session.client().getSession().block(Duration.ofSeconds(30));
		WebClient plain = clients.createRawClient();
		Supplier<Mono<?>> starterCall = () -> session.client().getSession();
		Supplier<Mono<?>> plainCall = () -> plain.get()
			.uri("/session")
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(ApiSession.class);

		StringBuilder table = new StringBuilder();
		table.append("| callers | side | throughput (calls/s) | p50 (ms) | p99 (ms) | errors |\n");
		table.append("|---:|---|---:|---:|---:|---:|\n");
		StringBuilder ratios = new StringBuilder("Ratios of each round, starter divided by plain:\n\n");
		for (int callers : settings.overheadConcurrencies()) {
			measure(settings, looker, callers, starterCall, plainCall, report, table, ratios);
		}
		session.logout();
		report.addSection("Overhead", table + "\n" + ratios);
	}

	private static void measure(BenchmarkSettings settings, FakeLookerControl looker, int callers,
			Supplier<Mono<?>> starterCall, Supplier<Mono<?>> plainCall, BenchmarkReport report, StringBuilder table,
			StringBuilder ratios) throws IOException {
		logger.info("Overhead with " + callers + " callers");
		LoadGenerator.closedLoop(looker, starterCall, callers, settings.overheadWarmup());
		LoadGenerator.closedLoop(looker, plainCall, callers, settings.overheadWarmup());

		List<LoadResult> starter = new ArrayList<>();
		List<LoadResult> plain = new ArrayList<>();
		for (int round = 0; round < settings.overheadRounds(); round++) {
			if (round % 2 == 0) {
				starter.add(LoadGenerator.closedLoop(looker, starterCall, callers, settings.overheadRound()));
				plain.add(LoadGenerator.closedLoop(looker, plainCall, callers, settings.overheadRound()));
			}
			else {
				plain.add(LoadGenerator.closedLoop(looker, plainCall, callers, settings.overheadRound()));
				starter.add(LoadGenerator.closedLoop(looker, starterCall, callers, settings.overheadRound()));
			}
		}

		double[] throughputRatios = ratios(starter, plain, LoadResult::throughput);
		double[] p99Ratios = ratios(starter, plain, (result) -> result.latencyMillis(99));
		double throughputRatio = median(throughputRatios);
		double p99Ratio = median(p99Ratios);
		long errors = starter.stream().mapToLong(LoadResult::errors).sum()
				+ plain.stream().mapToLong(LoadResult::errors).sum();

		String label = "Overhead, " + callers + ((callers == 1) ? " caller" : " callers");
		report.addRow(label, "throughput ratio " + decimal(throughputRatio, 3) + " (" + rate(starter) + " vs "
				+ rate(plain) + " calls/s)", "at least " + MIN_THROUGHPUT_RATIO,
				throughputRatio >= MIN_THROUGHPUT_RATIO && errors == 0);
		report.addRow(label, "p99 ratio " + decimal(p99Ratio, 3) + " (" + percentile(starter, 99) + " vs "
				+ percentile(plain, 99) + " ms)", "at most " + MAX_P99_RATIO, p99Ratio <= MAX_P99_RATIO && errors == 0);

		table.append(line(callers, "starter", starter));
		table.append(line(callers, "plain WebClient", plain));
		ratios.append("- " + callers + ((callers == 1) ? " caller" : " callers") + ": throughput "
				+ Statistics.list(throughputRatios, 2) + ", p99 " + Statistics.list(p99Ratios, 2) + "\n");
	}

	private static double[] ratios(List<LoadResult> numerators, List<LoadResult> denominators,
			ToDoubleFunction<LoadResult> figure) {
		return Statistics.ratios(numerators.stream().mapToDouble(figure).toArray(),
				denominators.stream().mapToDouble(figure).toArray());
	}

	private static String line(int callers, String side, List<LoadResult> results) {
		long errors = results.stream().mapToLong(LoadResult::errors).sum();
		return "| " + callers + " | " + side + " | " + rate(results) + " | " + percentile(results, 50) + " | "
				+ percentile(results, 99) + " | " + errors + " |\n";
	}

	private static String rate(List<LoadResult> results) {
		return decimal(median(results, LoadResult::throughput), 0);
	}

	private static String percentile(List<LoadResult> results, double percentile) {
		return decimal(median(results, (result) -> result.latencyMillis(percentile)), 3);
	}

}
