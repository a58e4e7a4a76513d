package io.github.lookersession.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.report.ValidationReport;
import io.github.lookersession.test.RecordedExchange;

/**
 * Exchange listener of the fake Looker that records every exchange and checks them all
 * against the Looker specification of their API version.
 */
final class ContractRecorder implements Consumer<RecordedExchange> {

	private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

	@Override
	public void accept(RecordedExchange exchange) {
		this.exchanges.add(exchange);
	}

	List<RecordedExchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	/**
	 * Returns the endpoints that the recorded exchanges reached, such as
	 * {@code PATCH /session}, without the API root.
	 */
	List<String> endpoints() {
		return this.exchanges.stream()
			.map((exchange) -> exchange.method() + " " + exchange.path().replaceFirst("^/api/[0-9.]+", ""))
			.distinct()
			.toList();
	}

	/**
	 * Returns a description of every violation in the recorded exchanges, one exchange a
	 * line, or an empty list if they all conform.
	 */
	List<String> violations() {
		List<String> violations = new ArrayList<>();
		for (RecordedExchange exchange : this.exchanges) {
			if (exchange.apiVersion() == null || exchange.status() == 0) {
				violations.add(exchange.method() + " " + exchange.path() + " -> " + exchange.status()
						+ ": outside the API roots or without a response, so no specification applies");
				continue;
			}
			ValidationReport report = LookerContract.forApiVersion(exchange.apiVersion()).validate(exchange);
			if (report.hasErrors()) {
				violations.add(exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": "
						+ report.getMessages()
							.stream()
							.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
							.map((message) -> "[" + message.getKey() + "] " + message.getMessage())
							.collect(Collectors.joining("; ")));
			}
		}
		return violations;
	}

}
