package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs every benchmark and writes the report.
 *
 * <p>
 * Usage: {@code BenchmarkRunner --report=<file> [--settings=full|smoke]
 * [--only=<name>,...]}. The {@link BenchmarkSettings#full() full} settings, the default,
 * load both cores for about 12 minutes. The {@link BenchmarkSettings#smoke() smoke}
 * settings take well under a minute. {@code --only} runs the named benchmarks of
 * {@link #BENCHMARKS} and nothing else, so the report holds only their rows.
 *
 * <p>
 * A missed target is reported in the file and logged, and does not change the exit
 * code. A benchmark that cannot run ends the program with an exception.
 */
public final class BenchmarkRunner {

	/**
	 * Names of the benchmarks, in the order they run.
	 */
	static final List<String> BENCHMARKS = List.of("overhead", "cold-burst", "refresh", "revocation", "jmh",
			"startup");

	private static final String USAGE = "Usage: BenchmarkRunner --report=<file> [--settings=full|smoke] "
			+ "[--only=<name>,...] with names from " + BENCHMARKS;

	/**
	 * Lifetime of the tokens of the fake that every benchmark but the short-lived side
	 * of the refresh benchmark uses, the usual lifetime of a Looker API token.
	 */
	private static final Duration LOAD_TOKEN_LIFETIME = Duration.ofHours(1);

	private static final Log logger = LogFactory.getLog(BenchmarkRunner.class);

	private BenchmarkRunner() {
	}

	public static void main(String[] args) throws Exception {
		Path reportFile = null;
		BenchmarkSettings settings = BenchmarkSettings.full();
		Set<String> selected = new LinkedHashSet<>(BENCHMARKS);
		for (String argument : args) {
			if (argument.startsWith("--report=")) {
				reportFile = Path.of(argument.substring("--report=".length()));
			}
			else if (argument.equals("--settings=full")) {
				settings = BenchmarkSettings.full();
			}
			else if (argument.equals("--settings=smoke")) {
				settings = BenchmarkSettings.smoke();
			}
			else if (argument.startsWith("--only=") && BENCHMARKS.containsAll(names(argument))) {
				selected = new LinkedHashSet<>(names(argument));
			}
			else {
				System.err.println("Invalid argument '" + argument + "'. " + USAGE);
				System.exit(2);
			}
		}
		if (reportFile == null) {
			System.err.println("Missing --report=<file>. " + USAGE);
			System.exit(2);
		}
		BenchmarkReport report = run(settings, selected, reportFile);
		report.missedTargets()
			.forEach((row) -> logger.warn("Target missed: " + row.benchmark() + ": " + row.figure() + " (target "
					+ row.target() + ")"));
		System.exit(0);
	}

	/**
	 * Runs the selected benchmarks and writes the report.
	 * @param settings the sizes and durations
	 * @param selected the names of the benchmarks to run, from {@link #BENCHMARKS}
	 * @param reportFile the Markdown file to write, replaced if it exists
	 * @return the figures
	 * @throws IOException if a child JVM fails or the report cannot be written
	 * @throws InterruptedException if the thread is interrupted while waiting for a child
	 * JVM
	 * @throws RunnerException if a JMH run fails
	 */
	static BenchmarkReport run(BenchmarkSettings settings, Set<String> selected, Path reportFile)
			throws IOException, InterruptedException, RunnerException {
		MachineInfo machine = MachineInfo.current();
		ZonedDateTime started = ZonedDateTime.now();
		long start = System.nanoTime();
		logger.info("Running the " + settings.name() + " benchmarks; the report goes to " + reportFile);

		BenchmarkReport report = new BenchmarkReport();
		try (FakeLookerControl looker = FakeLookerControl.start(LOAD_TOKEN_LIFETIME)) {
			if (selected.contains("overhead")) {
				OverheadBenchmark.run(settings, looker, report);
			}
			if (selected.contains("cold-burst")) {
				ColdBurstBenchmark.run(settings, looker, report);
			}
			if (selected.contains("refresh")) {
				RefreshBenchmark.run(settings, report);
			}
			if (selected.contains("revocation")) {
				RevocationBenchmark.run(settings, looker, report);
			}
			if (selected.contains("jmh")) {
				FilterBenchmark.run(settings, report);
			}
			if (selected.contains("startup")) {
				StartupBenchmark.run(settings, looker, report);
			}
		}

		Duration runtime = Duration.ofNanos(System.nanoTime() - start);
		ReportWriter.write(reportFile, report, settings, machine, MachineInfo.current().loadAverage(), started,
				runtime);
		logger.info("Benchmarks finished in " + runtime.toSeconds() + " s; report written to " + reportFile);
		return report;
	}

	private static List<String> names(String argument) {
		return List.of(argument.substring(argument.indexOf('=') + 1).split(","));
	}

}
