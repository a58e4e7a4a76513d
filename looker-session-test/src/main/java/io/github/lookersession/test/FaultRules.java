package io.github.lookersession.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Faults that a {@link FakeLooker} sends in place of real responses.
 *
 * <p>
 * Rules are tried in the order they were added, and the first rule that matches a
 * request responds to it. A rule with a count is removed once it has responded to that
 * many requests, so rules added one after the other for the same endpoint take effect one
 * after the other.
 */
final class FaultRules {

	static final int UNLIMITED = -1;

	private final List<Rule> rules = new ArrayList<>();

	synchronized void add(EndpointPattern pattern, Fault fault, int count) {
		this.rules.add(new Rule(pattern, fault, count));
	}

	synchronized @Nullable Fault take(String method, String path) {
		Iterator<Rule> iterator = this.rules.iterator();
		while (iterator.hasNext()) {
			Rule rule = iterator.next();
			if (rule.pattern.matches(method, path)) {
				if (rule.remaining != UNLIMITED && --rule.remaining == 0) {
					iterator.remove();
				}
				return rule.fault;
			}
		}
		return null;
	}

	synchronized void clear() {
		this.rules.clear();
	}

	private static final class Rule {

		private final EndpointPattern pattern;

		private final Fault fault;

		private int remaining;

		Rule(EndpointPattern pattern, Fault fault, int remaining) {
			this.pattern = pattern;
			this.fault = fault;
			this.remaining = remaining;
		}

	}

}
