package io.github.lookersession.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Delays that a {@link FakeLooker} adds before it serves a request.
 *
 * <p>
 * A delay set for an endpoint replaces the delay for every request. When several
 * endpoint delays match, the one set last wins.
 */
final class LatencyRules {

	private final List<Rule> rules = new ArrayList<>();

	private Duration defaultLatency = Duration.ZERO;

	synchronized void set(EndpointPattern pattern, Duration latency) {
		if (pattern.equals(EndpointPattern.ANY)) {
			this.defaultLatency = latency;
			return;
		}
		this.rules.removeIf((rule) -> rule.pattern().equals(pattern));
		this.rules.add(new Rule(pattern, latency));
	}

	synchronized Duration latencyFor(String method, String path) {
		for (int i = this.rules.size() - 1; i >= 0; i--) {
			Rule rule = this.rules.get(i);
			if (rule.pattern().matches(method, path)) {
				return rule.latency();
			}
		}
		return this.defaultLatency;
	}

	synchronized void clear() {
		this.rules.clear();
		this.defaultLatency = Duration.ZERO;
	}

	private record Rule(EndpointPattern pattern, Duration latency) {

	}

}
