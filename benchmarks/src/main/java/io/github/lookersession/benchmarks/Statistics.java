package io.github.lookersession.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Medians and number formats for the report.
 */
final class Statistics {

	private Statistics() {
	}

	static <T> double median(List<T> values, ToDoubleFunction<T> figure) {
		return median(values.stream().mapToDouble(figure).toArray());
	}

	static double median(double[] values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("Cannot take the median of no values");
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * Returns the median of the ratios of paired values, {@code numerators[i] /
	 * denominators[i]}, which cancels load that changes from one round to the next.
	 */
	static double medianRatio(double[] numerators, double[] denominators) {
		return median(ratios(numerators, denominators));
	}

	/**
	 * Returns the ratios of paired values, {@code numerators[i] / denominators[i]}.
	 */
	static double[] ratios(double[] numerators, double[] denominators) {
		double[] ratios = new double[numerators.length];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = numerators[i] / denominators[i];
		}
		return ratios;
	}

	/**
	 * Formats values as a list such as {@code [0.91, 0.97]}.
	 */
	static String list(double[] values, int digits) {
		return Arrays.stream(values)
			.mapToObj((value) -> decimal(value, digits))
			.collect(Collectors.joining(", ", "[", "]"));
	}

	static String decimal(double value, int digits) {
		return String.format(Locale.ROOT, "%,." + digits + "f", value);
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
