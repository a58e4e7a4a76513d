package io.github.lookersession.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * Sizes and durations of one benchmark run: {@link #full()} for the figures in
 * {@code docs/benchmarks.md}, {@link #smoke()} for a run of seconds that checks that the
 * benchmarks still work.
 *
 * @param name the name of the mode, shown in the report
 * @param overheadConcurrencies the numbers of concurrent callers of the overhead
 * benchmark
 * @param overheadWarmup the warm-up time of each side, per concurrency
 * @param overheadRound the measured time of each side in each round
 * @param overheadRounds the number of rounds per concurrency
 * @param burstSizes the numbers of concurrent calls of the cold burst benchmark
 * @param burstRounds the number of rounds per burst size
 * @param refreshCallers the number of concurrent callers of the refresh benchmark
 * @param refreshDuration the measured time of each side in each round
 * @param refreshRounds the number of rounds of the refresh benchmark
 * @param refreshTokenLifetime the short token lifetime of the refresh benchmark
 * @param refreshMargin the {@code looker.token-refresh-margin} used with the short
 * lifetime, below it
 * @param revocationCallers the number of concurrent callers of the revocation benchmark
 * @param revocationWindow the time callers run in each round of the revocation benchmark
 * @param revokeAfter the time into each round at which every token is revoked
 * @param revocationRounds the number of rounds of the revocation benchmark
 * @param jmhRounds the number of rounds of the JMH benchmark, one fork per filter each
 * @param jmhWarmupIterations JMH warm-up iterations per fork
 * @param jmhMeasurementIterations JMH measurement iterations per fork
 * @param jmhIterationTime the time of each JMH iteration
 * @param startupRounds the number of child JVMs started with and without the starter
 */
record BenchmarkSettings(String name, List<Integer> overheadConcurrencies, Duration overheadWarmup,
		Duration overheadRound, int overheadRounds, List<Integer> burstSizes, int burstRounds, int refreshCallers,
		Duration refreshDuration, int refreshRounds, Duration refreshTokenLifetime, Duration refreshMargin,
		int revocationCallers, Duration revocationWindow, Duration revokeAfter, int revocationRounds, int jmhRounds,
		int jmhWarmupIterations, int jmhMeasurementIterations, Duration jmhIterationTime, int startupRounds) {

	/**
	 * Returns the settings of the documented run, about 12 minutes on 2 cores.
	 * @return the full settings
	 */
	static BenchmarkSettings full() {
		return new BenchmarkSettings("full", List.of(1, 16, 64), Duration.ofSeconds(5), Duration.ofSeconds(5), 5,
				List.of(1000, 5000), 5, 64, Duration.ofSeconds(60), 3, Duration.ofSeconds(5), Duration.ofSeconds(1),
				256, Duration.ofSeconds(3), Duration.ofSeconds(1), 5, 3, 5, 5, Duration.ofSeconds(1), 10);
	}

	/**
	 * Returns the settings of the smoke run, well under a minute, whose figures mean
	 * nothing but whose code paths are those of the full run.
	 * @return the smoke settings
	 */
	static BenchmarkSettings smoke() {
		return new BenchmarkSettings("smoke", List.of(1, 16, 64), Duration.ofMillis(200), Duration.ofMillis(300), 1,
				List.of(500), 1, 64, Duration.ofSeconds(3), 1, Duration.ofSeconds(2), Duration.ofSeconds(1), 256,
				Duration.ofMillis(1500), Duration.ofMillis(500), 1, 1, 1, 1, Duration.ofMillis(200), 1);
	}

}
