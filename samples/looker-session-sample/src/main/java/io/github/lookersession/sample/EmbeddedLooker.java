package io.github.lookersession.sample;

import io.github.lookersession.test.FakeLooker;

/**
 * Bean for the fake Looker started by {@link EmbeddedLookerInitializer}, which stops the
 * fake when the application context closes.
 *
 * <p>
 * The fake is wrapped instead of registered directly because Spring reflects over every
 * method of a bean class, and {@code FakeLooker} has methods that take a spring-test type,
 * which is not on the application's runtime classpath.
 *
 * @param fakeLooker the running fake
 */
public record EmbeddedLooker(FakeLooker fakeLooker) implements AutoCloseable {

	/**
	 * Stops the fake.
	 */
	@Override
	public void close() {
		this.fakeLooker.stop();
	}

}
