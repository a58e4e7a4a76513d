package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.github.lookersession.benchmarks.BenchmarkReport.Row;
import io.github.lookersession.benchmarks.BenchmarkReport.Section;

/**
 * Writes a {@link BenchmarkReport} into the Markdown template
 * {@value #TEMPLATE}, replacing each {@code {{name}}} placeholder.
 */
final class ReportWriter {

	static final String TEMPLATE = "benchmark-report-template.md";

	private ReportWriter() {
	}

	static void write(Path file, BenchmarkReport report, BenchmarkSettings settings, MachineInfo machine,
			double loadAverageAtEnd, ZonedDateTime started, Duration runtime) throws IOException {
		Map<String, String> values = Map.of("date",
				started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), "mode", settings.name(),
				"runtime", (runtime.toSeconds() / 60) + " min " + (runtime.toSeconds() % 60) + " s", "machine",
				machine(machine, loadAverageAtEnd), "summary", summary(report), "missed", missed(report), "details",
				details(report));
		String text = template();
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("{{" + value.getKey() + "}}", value.getValue());
		}
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static String template() throws IOException {
		try (InputStream input = ReportWriter.class.getResourceAsStream(TEMPLATE)) {
			if (input == null) {
				throw new IOException("Report template " + TEMPLATE + " is missing from the classpath");
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String machine(MachineInfo machine, double loadAverageAtEnd) {
		String loadAtEnd = (loadAverageAtEnd >= 0) ? String.format(Locale.ROOT, "%.2f", loadAverageAtEnd)
				: "not reported";
		return "- CPU: " + machine.cpu() + ", " + machine.cores() + " cores available to the JVM\n" + "- Memory: "
				+ machine.memory() + "\n" + "- JVM: " + machine.jvm() + "\n" + "- OS: " + machine.os() + "\n"
				+ "- Load average (1 min) at the start and end of the run: " + machine.load() + " and " + loadAtEnd;
	}

	private static String summary(BenchmarkReport report) {
		StringBuilder table = new StringBuilder("| benchmark | figure | target | result |\n|---|---|---|---|\n");
		for (Row row : report.rows()) {
			table.append("| ")
				.append(row.benchmark())
				.append(" | ")
				.append(row.figure())
				.append(" | ")
				.append(row.target())
				.append(" | ")
				.append(row.verdict())
				.append(" |\n");
		}
		return table.toString().trim();
	}

	private static String missed(BenchmarkReport report) {
		if (report.missedTargets().isEmpty()) {
			return "Every target was met in this run.";
		}
		StringBuilder text = new StringBuilder("Targets missed in this run:\n\n");
		for (Row row : report.missedTargets()) {
			text.append("- ").append(row.benchmark()).append(": ").append(row.figure()).append(", target ")
				.append(row.target()).append('\n');
		}
		return text.toString().trim();
	}

	private static String details(BenchmarkReport report) {
		StringBuilder text = new StringBuilder();
		for (Section section : report.sections()) {
			text.append("### ").append(section.heading()).append("\n\n");
			text.append(section.markdown().trim()).append("\n\n");
		}
		return text.toString().trim();
	}

}
