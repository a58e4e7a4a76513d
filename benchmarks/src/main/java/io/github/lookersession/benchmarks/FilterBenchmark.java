package io.github.lookersession.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import static io.github.lookersession.benchmarks.Statistics.decimal;
import static io.github.lookersession.benchmarks.Statistics.median;
import static io.github.lookersession.benchmarks.Statistics.medianRatio;

/**
 * Runs {@link TokenFilterBenchmark} with JMH's GC profiler ({@code -prof gc}): one fork
 * per filter and round, the two filters in alternating order.
 */
final class FilterBenchmark {

	private static final String LOOKER = "lookerAuthenticationFilter";

	private static final String SPRING_SECURITY = "springSecurityOAuth2Filter";

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	private static final Log logger = LogFactory.getLog(FilterBenchmark.class);

	private FilterBenchmark() {
	}

	static void run(BenchmarkSettings settings, BenchmarkReport report) throws RunnerException {
		logger.info("JMH: token filters, " + settings.jmhRounds() + " rounds");
		List<RunResult> looker = new ArrayList<>();
		List<RunResult> springSecurity = new ArrayList<>();
		for (int round = 0; round < settings.jmhRounds(); round++) {
			if (round % 2 == 0) {
				looker.add(runFork(settings, LOOKER));
				springSecurity.add(runFork(settings, SPRING_SECURITY));
			}
			else {
				springSecurity.add(runFork(settings, SPRING_SECURITY));
				looker.add(runFork(settings, LOOKER));
			}
		}

		double[] lookerTime = times(looker);
		double[] springTime = times(springSecurity);
		double[] lookerBytes = allocations(looker);
		double[] springBytes = allocations(springSecurity);
		double timeRatio = medianRatio(lookerTime, springTime);
		double bytesRatio = medianRatio(lookerBytes, springBytes);
		String label = "JMH token filter, valid token";
		report.addRow(label, "time ratio " + decimal(timeRatio, 3) + " (" + decimal(median(lookerTime), 1) + " vs "
				+ decimal(median(springTime), 1) + " ns/op)", "at most 1 (no slower)", timeRatio <= 1.0);
		report.addRow(label, "allocation ratio " + decimal(bytesRatio, 3) + " (" + decimal(median(lookerBytes), 0)
				+ " vs " + decimal(median(springBytes), 0) + " B/op)", "below 1 (fewer allocations)", bytesRatio < 1.0);
		report.addSection("JMH: token filter with a valid token",
				"`" + TokenFilterBenchmark.class.getSimpleName() + "`, average time per operation, "
						+ settings.jmhWarmupIterations() + " warm-up and " + settings.jmhMeasurementIterations()
						+ " measured iterations of " + settings.jmhIterationTime().toMillis() + " ms per fork, "
						+ settings.jmhRounds() + " forks per filter, with `-prof gc`. Medians of the forks. Each "
						+ "operation includes one `block()` on a `Mono` that completes at once, on both sides.\n\n"
						+ "| filter | ns/op | B/op |\n|---|---:|---:|\n" + "| `LookerAuthenticationFilter` | "
						+ decimal(median(lookerTime), 1) + " | " + decimal(median(lookerBytes), 0) + " |\n"
						+ "| `ServerOAuth2AuthorizedClientExchangeFilterFunction` | " + decimal(median(springTime), 1)
						+ " | " + decimal(median(springBytes), 0) + " |\n");
	}

	private static RunResult runFork(BenchmarkSettings settings, String method) throws RunnerException {
		TimeValue iterationTime = TimeValue.milliseconds(settings.jmhIterationTime().toMillis());
		Options options = new OptionsBuilder()
			.include("^" + Pattern.quote(TokenFilterBenchmark.class.getName() + "." + method) + "$")
			.mode(org.openjdk.jmh.annotations.Mode.AverageTime)
			.timeUnit(TimeUnit.NANOSECONDS)
			.forks(1)
			.threads(1)
			.warmupIterations(settings.jmhWarmupIterations())
			.warmupTime(iterationTime)
			.measurementIterations(settings.jmhMeasurementIterations())
			.measurementTime(iterationTime)
			.addProfiler(GCProfiler.class)
			.jvmArgs("-Xms1g", "-Xmx1g")
			.shouldFailOnError(true)
			.verbosity(VerboseMode.SILENT)
			.build();
		return new Runner(options).runSingle();
	}

	private static double[] times(List<RunResult> runs) {
		return runs.stream().mapToDouble((run) -> run.getPrimaryResult().getScore()).toArray();
	}

	/**
	 * Returns the bytes allocated per operation of each run, which JMH's GC profiler
	 * reports as {@code gc.alloc.rate.norm}.
	 */
	private static double[] allocations(List<RunResult> runs) {
		return runs.stream().mapToDouble(FilterBenchmark::allocation).toArray();
	}

	private static double allocation(RunResult run) {
		Result<?> result = run.getSecondaryResults().get(ALLOCATION);
		if (result == null) {
			throw new IllegalStateException(
					"JMH run has no '" + ALLOCATION + "' result; found " + run.getSecondaryResults().keySet());
		}
		return result.getScore();
	}

}
