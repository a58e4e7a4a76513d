package io.github.lookersession.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidLookerPropertyException} at startup.
 */
class InvalidLookerPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLookerPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidLookerPropertyException cause) {
		return new FailureAnalysis("The Looker session client is misconfigured: " + cause.getMessage(),
				cause.getAction(), cause);
	}

}
