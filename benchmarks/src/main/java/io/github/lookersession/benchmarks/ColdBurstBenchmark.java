package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.lookersession.ApiSession;
import io.github.lookersession.benchmarks.BenchmarkClients.SessionClient;
import io.github.lookersession.benchmarks.FakeLookerControl.FakeLookerStats;
import io.github.lookersession.benchmarks.LoadGenerator.LoadResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import static io.github.lookersession.benchmarks.Statistics.count;
import static io.github.lookersession.benchmarks.Statistics.decimal;
import static io.github.lookersession.benchmarks.Statistics.median;

/**
 * A burst of concurrent {@code getSession()} calls on a client that has no token yet,
 * with {@code workspace=dev}, against the same burst on a client whose token is already
 * made. A cold burst should share one login and one {@code PATCH /session}.
 *
 * <p>
 * Each round uses a new cold client; the warm client is built once. The two bursts of a
 * round run in alternating order, and each cold client revokes its token after its round.
 */
final class ColdBurstBenchmark {

	private static final Log logger = LogFactory.getLog(ColdBurstBenchmark.class);

	private ColdBurstBenchmark() {
	}

	static void run(BenchmarkSettings settings, FakeLookerControl looker, BenchmarkReport report)
			throws IOException {
		BenchmarkClients clients = new BenchmarkClients(looker.baseUrl());
		SessionClient warm = clients.createSessionClient(ApiSession.DEV_WORKSPACE, Duration.ofSeconds(60));
		warm.client().getSession().block(Duration.ofSeconds(30));

		StringBuilder details = new StringBuilder();
		details.append("| calls | side | time to finish, median (ms) | logins per round | PATCHes per round "
				+ "| failed calls (all rounds) |\n");
		details.append("|---:|---|---:|---|---|---|\n");
		Set<String> messages = new TreeSet<>();
		for (int calls : settings.burstSizes()) {
			measure(settings, calls, looker, clients, warm, report, details, messages);
		}
		warm.logout();
		if (!messages.isEmpty()) {
			details.append("\nFailures, first message of each kind:\n\n");
			messages.forEach((message) -> details.append("- `").append(message.replace('`', '\'')).append("`\n"));
		}
		report.addSection("Cold burst", details.toString());
	}

	private static void measure(BenchmarkSettings settings, int calls, FakeLookerControl looker,
			BenchmarkClients clients, SessionClient warm, BenchmarkReport report, StringBuilder details,
			Set<String> messages) throws IOException {
		logger.info("Cold burst of " + calls + " calls");
		List<LoadResult> coldResults = new ArrayList<>();
		List<LoadResult> warmResults = new ArrayList<>();
		List<Long> logins = new ArrayList<>();
		List<Long> patches = new ArrayList<>();
		for (int round = 0; round < settings.burstRounds(); round++) {
			if (round % 2 == 1) {
				warmResults.add(burstWithToken(calls, looker, warm));
			}
			looker.reset();
			SessionClient cold = clients.createSessionClient(ApiSession.DEV_WORKSPACE, Duration.ofSeconds(60));
			coldResults.add(LoadGenerator.burst(() -> cold.client().getSession(), calls));
			FakeLookerStats stats = looker.stats(ApiSession.DEV_WORKSPACE);
			logins.add(stats.loginAttempts());
			patches.add(stats.sessionPatches());
			cold.logout();
			if (round % 2 == 0) {
				warmResults.add(burstWithToken(calls, looker, warm));
			}
		}

		long coldFailures = coldResults.stream().mapToLong(LoadResult::errors).sum();
		long warmFailures = warmResults.stream().mapToLong(LoadResult::errors).sum();
		boolean oneLoginEach = logins.stream().allMatch((value) -> value == 1);
		boolean onePatchEach = patches.stream().allMatch((value) -> value == 1);
		double coldMillis = median(coldResults, LoadResult::elapsedMillis);
		double warmMillis = median(warmResults, LoadResult::elapsedMillis);
		double timeRatio = Statistics.medianRatio(
				coldResults.stream().mapToDouble(LoadResult::elapsedMillis).toArray(),
				warmResults.stream().mapToDouble(LoadResult::elapsedMillis).toArray());

		String label = "Cold burst, " + count(calls) + " calls";
		report.addRow(label, "logins per round " + distinct(logins) + ", PATCHes per round " + distinct(patches)
				+ ", failed calls " + coldFailures, "1 login, 1 PATCH, 0 failures",
				oneLoginEach && onePatchEach && coldFailures == 0);
		report.addRow(label, "time to finish " + decimal(coldMillis, 1) + " ms cold vs " + decimal(warmMillis, 1)
				+ " ms with a token (ratio " + decimal(timeRatio, 2) + "), failed calls with a token " + warmFailures,
				"-", null);

		details.append("| " + count(calls) + " | cold | " + decimal(coldMillis, 1) + " | " + logins + " | " + patches
				+ " | " + failures(coldResults) + " |\n");
		details.append("| " + count(calls) + " | token made | " + decimal(warmMillis, 1) + " | - | - | "
				+ failures(warmResults) + " |\n");
		messages.addAll(firstMessages(coldResults));
		messages.addAll(firstMessages(warmResults));
	}

	private static List<String> firstMessages(List<LoadResult> results) {
		return results.stream()
			.flatMap((result) -> result.errorMessages().entrySet().stream())
			.map((entry) -> entry.getKey() + ": " + entry.getValue())
			.toList();
	}

	private static LoadResult burstWithToken(int calls, FakeLookerControl looker, SessionClient warm)
			throws IOException {
		looker.reset();
		return LoadGenerator.burst(() -> warm.client().getSession(), calls);
	}

	private static String distinct(List<Long> values) {
		return values.stream().distinct().sorted().map(String::valueOf).reduce((a, b) -> a + " or " + b).orElse("-");
	}

	private static String failures(List<LoadResult> results) {
		Map<String, Long> byType = new TreeMap<>();
		for (LoadResult result : results) {
			result.errorsByType().forEach((type, count) -> byType.merge(type, count, Long::sum));
		}
		if (byType.isEmpty()) {
			return "0";
		}
		return byType.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + " " + entry.getKey())
			.reduce((a, b) -> a + ", " + b)
			.orElseThrow();
	}

}
