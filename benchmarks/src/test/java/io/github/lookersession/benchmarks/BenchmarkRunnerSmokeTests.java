package io.github.lookersession.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.github.lookersession.benchmarks.BenchmarkReport.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark with the smoke settings, so that the benchmark code keeps working.
 * The smoke figures are too short to judge a ratio, so only the targets that count
 * logins, requests and failures are checked.
 */
class BenchmarkRunnerSmokeTests {

	@TempDir
	static Path reportFolder;

	static Path reportFile;

	static BenchmarkReport report;

	@BeforeAll
	static void runSmokeBenchmarks() throws Exception {
		reportFile = reportFolder.resolve("benchmarks.md");
		report = BenchmarkRunner.run(BenchmarkSettings.smoke(), Set.copyOf(BenchmarkRunner.BENCHMARKS), reportFile);
	}

	@Test
	void reportHasTableForEveryBenchmark() throws Exception {
		String text = Files.readString(reportFile);

		assertThat(text).contains("| benchmark | figure | target | result |");
		assertThat(text).contains("| Overhead, 1 caller |", "| Overhead, 16 callers |", "| Overhead, 64 callers |");
		assertThat(text).contains("| Cold burst, 500 calls |");
		assertThat(text).contains("| Refresh under load, 64 callers, 2 s tokens |");
		assertThat(text).contains("| Revocation storm, 256 callers |");
		assertThat(text).contains("| JMH token filter, valid token |");
		assertThat(text).contains("| Startup |");
		assertThat(text).contains("## Machine", "cores available to the JVM");
		assertThat(text).doesNotContain("{{");
	}

	@Test
	void coldBurstSharesOneLoginAndPatch() {
		assertThat(row("Cold burst", "1 login, 1 PATCH, 0 failures").met()).isTrue();
	}

	@Test
	void refreshKeepsWorkspaceWithoutErrors() {
		assertThat(row("Refresh under load", "0 failed calls, 0 requests outside dev").met()).isTrue();
	}

	@Test
	void revocationLogsInOnceWithoutErrors() {
		assertThat(row("Revocation storm", "1 re-login per round, 0 failed calls").met()).isTrue();
	}

	@Test
	void startupSendsNoRequest() {
		assertThat(row("Startup", "0 requests").met()).isTrue();
	}

	@Test
	void filterBenchmarkReportsTimeAndAllocation() {
		List<Row> rows = report.rows().stream().filter((row) -> row.benchmark().startsWith("JMH")).toList();

		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).figure()).contains("ns/op");
		assertThat(rows.get(1).figure()).contains("B/op");
	}

	private static Row row(String benchmark, String target) {
		return report.rows()
			.stream()
			.filter((row) -> row.benchmark().startsWith(benchmark) && row.target().equals(target))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for " + benchmark + " with target " + target + " in "
					+ report.rows()));
	}

}
