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

/**
 * Token refresh under load: closed-loop callers of {@code getSession()} with
 * {@code workspace=dev} against a fake whose tokens live a few seconds, compared with a
 * fake whose tokens live an hour. The short-lived client uses a refresh margin below the
 * lifetime, so it logs in again about once per lifetime minus margin.
 *
 * <p>
 * Each side has its own fake JVM, since a fake's token lifetime is fixed when it is
 * built. Both fakes start together and warm up the same way, because a fake JVM that has
 * already served other benchmarks responds faster than a new one. Their journals are
 * cleared before every run. The short-lived fake's journal shows whether any request
 * other than login, logout and {@code PATCH /session} got a 2xx response from a session
 * outside {@code dev}.
 */
final class RefreshBenchmark {

	static final double MIN_THROUGHPUT_RATIO = 0.9;

	private static final Duration LONG_TOKEN_LIFETIME = Duration.ofHours(1);

	private static final Log logger = LogFactory.getLog(RefreshBenchmark.class);

	private RefreshBenchmark() {
	}

	static void run(BenchmarkSettings settings, BenchmarkReport report) throws IOException {
		try (FakeLookerControl shortLived = FakeLookerControl.start(settings.refreshTokenLifetime());
				FakeLookerControl longLived = FakeLookerControl.start(LONG_TOKEN_LIFETIME)) {
			SessionClient shortClient = new BenchmarkClients(shortLived.baseUrl())
				.createSessionClient(ApiSession.DEV_WORKSPACE, settings.refreshMargin());
			SessionClient longClient = new BenchmarkClients(longLived.baseUrl())
				.createSessionClient(ApiSession.DEV_WORKSPACE, Duration.ofSeconds(60));
			Supplier<Mono<?>> shortCall = () -> shortClient.client().getSession();
			Supplier<Mono<?>> longCall = () -> longClient.client().getSession();
			int callers = settings.refreshCallers();
			logger.info("Refresh under load: " + callers + " callers, " + settings.refreshRounds() + " rounds of "
					+ settings.refreshDuration().toSeconds() + " s per side");
			LoadGenerator.closedLoop(shortLived, shortCall, callers, settings.overheadWarmup());
			LoadGenerator.closedLoop(longLived, longCall, callers, settings.overheadWarmup());

			List<LoadResult> shortResults = new ArrayList<>();
			List<LoadResult> longResults = new ArrayList<>();
			List<FakeLookerStats> shortStats = new ArrayList<>();
			for (int round = 0; round < settings.refreshRounds(); round++) {
				if (round % 2 == 1) {
					longResults.add(LoadGenerator.closedLoop(longLived, longCall, callers, settings.refreshDuration()));
				}
				shortResults.add(LoadGenerator.closedLoop(shortLived, shortCall, callers, settings.refreshDuration()));
				shortStats.add(shortLived.stats(ApiSession.DEV_WORKSPACE));
				if (round % 2 == 0) {
					longResults.add(LoadGenerator.closedLoop(longLived, longCall, callers, settings.refreshDuration()));
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
		long longErrors = longResults.stream().mapToLong(LoadResult::errors).sum();
		long outside = shortStats.stream().mapToLong(FakeLookerStats::outsideWorkspace).sum();
		long logins = shortStats.stream().mapToLong(FakeLookerStats::loginAttempts).sum();
		long unauthorized = shortStats.stream().mapToLong((stats) -> stats.get("unauthorized")).sum();
		double shortThroughput = median(shortResults, LoadResult::throughput);
		double longThroughput = median(longResults, LoadResult::throughput);
		double[] ratios = Statistics.ratios(shortResults.stream().mapToDouble(LoadResult::throughput).toArray(),
				longResults.stream().mapToDouble(LoadResult::throughput).toArray());
		double ratio = Statistics.median(ratios);

		String label = "Refresh under load, " + settings.refreshCallers() + " callers, "
				+ settings.refreshTokenLifetime().toSeconds() + " s tokens";
		report.addRow(label, "failed calls " + errors + ", requests served outside dev " + outside,
				"0 failed calls, 0 requests outside dev", errors == 0 && outside == 0);
		report.addRow(label,
				"throughput ratio " + decimal(ratio, 3) + " (" + decimal(shortThroughput, 0) + " vs "
						+ decimal(longThroughput, 0) + " calls/s)",
				"at least " + MIN_THROUGHPUT_RATIO, ratio >= MIN_THROUGHPUT_RATIO);

		StringBuilder details = new StringBuilder();
		details.append("Token lifetime ")
			.append(settings.refreshTokenLifetime().toSeconds())
			.append(" s with `token-refresh-margin` ")
			.append(settings.refreshMargin().toSeconds())
			.append(" s, against 1 h with the default 60 s; ")
			.append(settings.refreshRounds())
			.append(" rounds of ")
			.append(settings.refreshDuration().toSeconds())
			.append(" s per side. Each side has its own fake JVM, started and warmed up with the other.\n\n");
		details.append("| figure | short-lived tokens | 1 h tokens |\n|---|---:|---:|\n");
		details.append(row("throughput, median (calls/s)", decimal(shortThroughput, 0), decimal(longThroughput, 0)));
		details.append(row("p99 latency, median (ms)", latency(shortResults, 99), latency(longResults, 99)));
		details.append(row("max latency, median (ms)", latency(shortResults, 100), latency(longResults, 100)));
		details.append(row("logins (all rounds)", count(logins), "-"));
		details.append(row("401 responses from the fake", count(unauthorized), "-"));
		details.append(row("failed calls", count(errors), count(longErrors)));
		details.append(row("requests served outside dev", count(outside), "-"));
		details.append("\nThroughput ratio of each round, short-lived divided by 1 h: ")
			.append(Statistics.list(ratios, 2))
			.append("\n");
		report.addSection("Refresh under load", details.toString());
	}

	private static String latency(List<LoadResult> results, double percentile) {
		return decimal(median(results, (result) -> result.latencyMillis(percentile)), 3);
	}

	private static String row(String figure, String shortLived, String longLived) {
		return "| " + figure + " | " + shortLived + " | " + longLived + " |\n";
	}

}
