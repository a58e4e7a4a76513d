package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.lookersession.ApiSession;
import io.github.lookersession.benchmarks.BenchmarkClients.SessionClient;
import io.github.lookersession.benchmarks.FakeLookerControl.FakeLookerStats;
import io.github.lookersession.benchmarks.LoadGenerator.LoadResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import static io.github.lookersession.benchmarks.Statistics.count;
import static io.github.lookersession.benchmarks.Statistics.decimal;
import static io.github.lookersession.benchmarks.Statistics.median;
import static io.github.lookersession.benchmarks.Statistics.medianRatio;

/**
 * Token refresh under load: closed-loop callers of {@code getSession()} with
 * {@code workspace=dev} against a fake whose tokens live a few seconds, compared with a
 * fake whose tokens live an hour. The short-lived client uses a refresh margin below the
 * lifetime, so it logs in again about once per lifetime minus margin.
 *
 * <p>
 * The fake's journal shows whether any request other than login, logout and
 * {@code PATCH /session} got a 2xx response from a session outside {@code dev}.
 */
final class RefreshBenchmark {

	static final double MIN_THROUGHPUT_RATIO = 0.9;

	private static final Log logger = LogFactory.getLog(RefreshBenchmark.class);

	private RefreshBenchmark() {
	}

	static void run(BenchmarkSettings settings, FakeLookerControl longLived, BenchmarkReport report)
			throws IOException {
		try (FakeLookerControl shortLived = FakeLookerControl.start(settings.refreshTokenLifetime())) {
			SessionClient shortClient = new BenchmarkClients(shortLived.baseUrl())
				.createSessionClient(ApiSession.DEV_WORKSPACE, settings.refreshMargin());
			SessionClient longClient = new BenchmarkClients(longLived.baseUrl())
				.createSessionClient(ApiSession.DEV_WORKSPACE, Duration.ofSeconds(60));
			Supplier<Mono<?>> shortCall = () -> shortClient.client().getSession();
			Supplier<Mono<?>> longCall = () -> longClient.client().getSession();
			int callers = settings.refreshCallers();
			logger.info("Refresh under load: " + callers + " callers, " + settings.refreshRounds() + " rounds of "
					+ settings.refreshDuration().toSeconds() + " s per side");
			LoadGenerator.closedLoop(shortCall, callers, settings.overheadWarmup());
			LoadGenerator.closedLoop(longCall, callers, settings.overheadWarmup());

			List<LoadResult> shortResults = new ArrayList<>();
			List<LoadResult> longResults = new ArrayList<>();
			List<FakeLookerStats> shortStats = new ArrayList<>();
			for (int round = 0; round < settings.refreshRounds(); round++) {
				if (round % 2 == 1) {
					longResults.add(LoadGenerator.closedLoop(longCall, callers, settings.refreshDuration()));
				}
				shortLived.reset();
				shortResults.add(LoadGenerator.closedLoop(shortCall, callers, settings.refreshDuration()));
				shortStats.add(shortLived.stats(ApiSession.DEV_WORKSPACE));
				if (round % 2 == 0) {
					longResults.add(LoadGenerator.closedLoop(longCall, callers, settings.refreshDuration()));
				}
			}
			shortClient.logout();
			longClient.logout();
			addFigures(settings, shortResults, longResults, shortStats, report);
		}
	}

	private static void addFigures(BenchmarkSettings settings, List<LoadResult> shortResults,
			List<LoadResult> longResults, List<FakeLookerStats> shortStats, BenchmarkReport report) {
		long errors = shortResults.stream().mapToLong(LoadResult::errors).sum();
		long outside = shortStats.stream().mapToLong(FakeLookerStats::outsideWorkspace).sum();
		long logins = shortStats.stream().mapToLong(FakeLookerStats::loginAttempts).sum();
		long unauthorized = shortStats.stream().mapToLong((stats) -> stats.get("unauthorized")).sum();
		double ratio = medianRatio(shortResults.stream().mapToDouble(LoadResult::throughput).toArray(),
				longResults.stream().mapToDouble(LoadResult::throughput).toArray());
		String label = "Refresh under load, " + settings.refreshCallers() + " callers, "
				+ settings.refreshTokenLifetime().toSeconds() + " s tokens";

		report.addRow(label, "failed calls " + errors + ", requests served outside dev " + outside,
				"0 failed calls, 0 requests outside dev", errors == 0 && outside == 0);
		report.addRow(label, "throughput ratio " + decimal(ratio, 3) + " ("
				+ decimal(median(shortResults, LoadResult::throughput), 0) + " vs "
				+ decimal(median(longResults, LoadResult::throughput), 0) + " calls/s)", "at least " + MIN_THROUGHPUT_RATIO,
				ratio >= MIN_THROUGHPUT_RATIO);

		long longErrors = longResults.stream().mapToLong(LoadResult::errors).sum();
		String details = "Token lifetime " + settings.refreshTokenLifetime().toSeconds()
				+ " s with `token-refresh-margin` " + settings.refreshMargin().toSeconds() + " s, against 1 h with the "
				+ "default 60 s; " + settings.refreshRounds() + " rounds of " + settings.refreshDuration().toSeconds()
				+ " s per side.\n\n" + "| figure | short-lived tokens | 1 h tokens |\n|---|---:|---:|\n"
				+ "| throughput, median (calls/s) | " + decimal(median(shortResults, LoadResult::throughput), 0) + " | "
				+ decimal(median(longResults, LoadResult::throughput), 0) + " |\n" + "| p99 latency, median (ms) | "
				+ decimal(median(shortResults, (result) -> result.latencyMillis(99)), 3) + " | "
				+ decimal(median(longResults, (result) -> result.latencyMillis(99)), 3) + " |\n"
				+ "| max latency, median (ms) | " + decimal(median(shortResults, (result) -> result.latencyMillis(100)), 3)
				+ " | " + decimal(median(longResults, (result) -> result.latencyMillis(100)), 3) + " |\n"
				+ "| logins (all rounds) | " + count(logins) + " | - |\n" + "| 401 responses from the fake | "
				+ count(unauthorized) + " | - |\n" + "| failed calls | " + errors + " | " + longErrors + " |\n"
				+ "| requests served outside dev | " + outside + " | - |\n";
		report.addSection("Refresh under load", details);
	}

}
