package io.github.lookersession.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Figures of one benchmark run: a summary table with a row per target, and a section of
 * details per benchmark. Rendered into {@code docs/benchmarks.md} by
 * {@link ReportWriter}.
 */
final class BenchmarkReport {

	private final List<Row> rows = new ArrayList<>();

	private final List<Section> sections = new ArrayList<>();

	/**
	 * Adds a row to the summary table.
	 * @param benchmark the benchmark and case, such as {@code Overhead, 16 callers}
	 * @param figure the measured figure with its unit
	 * @param target the target, or {@code -} if there is none
	 * @param met whether the target is met, or {@code null} if there is no target
	 */
	void addRow(String benchmark, String figure, String target, @Nullable Boolean met) {
		this.rows.add(new Row(benchmark, figure, target, met));
	}

	/**
	 * Adds a section of details in Markdown.
	 * @param heading the heading, without Markdown markup
	 * @param markdown the text
	 */
	void addSection(String heading, String markdown) {
		this.sections.add(new Section(heading, markdown));
	}

	List<Row> rows() {
		return List.copyOf(this.rows);
	}

	List<Section> sections() {
		return List.copyOf(this.sections);
	}

	List<Row> missedTargets() {
		return this.rows.stream().filter((row) -> Boolean.FALSE.equals(row.met())).toList();
	}

	/**
	 * One row of the summary table.
	 *
	 * @param benchmark the benchmark and case
	 * @param figure the measured figure
	 * @param target the target, or {@code -}
	 * @param met whether the target is met, or {@code null} if there is no target
	 */
	record Row(String benchmark, String figure, String target, @Nullable Boolean met) {

		String verdict() {
			if (this.met == null) {
				return "-";
			}
			return this.met ? "met" : "**missed**";
		}

	}

	/**
	 * A section of details.
	 *
	 * @param heading the heading
	 * @param markdown the text
	 */
	record Section(String heading, String markdown) {

	}

}
