package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.lookersession.test.FakeLooker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import static io.github.lookersession.benchmarks.Statistics.decimal;
import static io.github.lookersession.benchmarks.Statistics.median;
import static io.github.lookersession.benchmarks.Statistics.medianRatio;

/**
 * Startup time of a Spring Boot application with the starter against the same
 * application without it, each in a new JVM, and a check that startup and shutdown send
 * no request to Looker.
 *
 * <p>
 * The application is {@link StartupApplication}. With the starter, it gets the
 * {@code looker.*} properties of a fake Looker and {@code looker.workspace=dev}; without
 * it, the JVM's classpath leaves out the starter and autoconfigure modules. Runs alternate
 * between the two. After all runs, the fake's journal must be empty.
 */
final class StartupBenchmark {

	private static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx256m");

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

	private static final Log logger = LogFactory.getLog(StartupBenchmark.class);

	private StartupBenchmark() {
	}

	static void run(BenchmarkSettings settings, FakeLookerControl looker, BenchmarkReport report)
			throws IOException, InterruptedException {
		logger.info("Startup, " + settings.startupRounds() + " rounds");
		looker.reset();
		String[] withArguments = { "--looker.base-url=" + looker.baseUrl(),
				"--looker.client-id=" + FakeLooker.DEFAULT_CLIENT_ID,
				"--looker.client-secret=" + FakeLooker.DEFAULT_CLIENT_SECRET, "--looker.workspace=dev",
				"--spring.main.banner-mode=off", "--spring.main.log-startup-info=false" };
		String[] withoutArguments = { "--spring.main.banner-mode=off", "--spring.main.log-startup-info=false" };

		List<Map<String, Double>> with = new ArrayList<>();
		List<Map<String, Double>> without = new ArrayList<>();
		for (int round = 0; round < settings.startupRounds(); round++) {
			if (round % 2 == 0) {
				with.add(start((entry) -> true, withArguments));
				without.add(start(StartupBenchmark::isNotStarter, withoutArguments));
			}
			else {
				without.add(start(StartupBenchmark::isNotStarter, withoutArguments));
				with.add(start((entry) -> true, withArguments));
			}
		}
		long requests = looker.stats("dev").requests();
		addFigures(with, without, requests, report);
	}

	private static void addFigures(List<Map<String, Double>> with, List<Map<String, Double>> without, long requests,
			BenchmarkReport report) {
		boolean clientCreated = with.stream().allMatch((run) -> run.get("lookerClients") == 1.0);
		boolean clientAbsent = without.stream().allMatch((run) -> run.get("lookerClients") == 0.0);
		double[] withRun = figures(with, "runMillis");
		double[] withoutRun = figures(without, "runMillis");
		double[] withUptime = figures(with, "jvmUptimeMillis");
		double[] withoutUptime = figures(without, "jvmUptimeMillis");
		double runRatio = medianRatio(withRun, withoutRun);

		report.addRow("Startup", "`SpringApplication.run` " + decimal(median(withRun), 0) + " ms with the starter vs "
				+ decimal(median(withoutRun), 0) + " ms without (ratio " + decimal(runRatio, 3) + ")", "-", null);
		report.addRow("Startup", "requests to Looker during startup and shutdown: " + requests
				+ ((clientCreated && clientAbsent) ? "" : " (the client bean was not created as expected)"),
				"0 requests", requests == 0 && clientCreated && clientAbsent);
		report.addSection("Startup", with.size() + " JVMs per side, alternating.\n\n"
				+ "| side | `SpringApplication.run`, median (ms) | JVM start to started context, median (ms) |\n"
				+ "|---|---:|---:|\n" + "| with the starter | " + decimal(median(withRun), 0) + " | "
				+ decimal(median(withUptime), 0) + " |\n" + "| without | " + decimal(median(withoutRun), 0) + " | "
				+ decimal(median(withoutUptime), 0) + " |\n\n" + "Requests in the fake's journal after all runs: "
				+ requests + ".\n");
	}

	private static Map<String, Double> start(Predicate<Path> classpathFilter, String[] arguments)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(
				ChildJvm.command(StartupApplication.class, JVM_OPTIONS, classpathFilter, arguments))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String output;
		try {
			output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IOException("Startup benchmark JVM did not exit within " + RUN_TIMEOUT.toSeconds() + " s");
			}
		}
		finally {
			process.destroyForcibly();
		}
		if (process.exitValue() != 0) {
			throw new IOException("Startup benchmark JVM failed with exit code " + process.exitValue() + ": " + output);
		}
		Map<String, Double> figures = new HashMap<>();
		String last = output.substring(output.lastIndexOf('\n') + 1);
		for (String pair : last.split(" ")) {
			String[] parts = pair.split("=", 2);
			if (parts.length != 2) {
				throw new IOException("Startup benchmark JVM printed an invalid line: '" + last + "'");
			}
			figures.put(parts[0], Double.parseDouble(parts[1]));
		}
		return figures;
	}

	/**
	 * Returns whether a classpath entry is neither the starter nor the autoconfigure
	 * module, as a jar or as a reactor build's {@code target/classes} folder.
	 */
	static boolean isNotStarter(Path entry) {
		String name = String.valueOf(entry.getFileName());
		if (name.startsWith("looker-session-autoconfigure") || name.startsWith("looker-session-starter")) {
			return false;
		}
		Path module = (entry.getParent() != null) ? entry.getParent().getParent() : null;
		String moduleName = (module != null) ? String.valueOf(module.getFileName()) : "";
		return !(name.equals("classes")
				&& (moduleName.equals("looker-session-autoconfigure") || moduleName.equals("looker-session-starter")));
	}

	private static double[] figures(List<Map<String, Double>> runs, String name) {
		return runs.stream().mapToDouble((run) -> run.get(name)).toArray();
	}

}
