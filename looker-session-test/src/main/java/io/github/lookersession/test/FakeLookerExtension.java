package io.github.lookersession.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * JUnit Jupiter extension that runs a {@link FakeLooker} for the tests of a class and
 * resolves {@code FakeLooker} parameters of test methods, constructors and lifecycle
 * methods.
 *
 * <p>
 * With {@code @ExtendWith(FakeLookerExtension.class)} the fake has the defaults of
 * {@link FakeLooker#builder()}. To configure it, register the extension on a static
 * field: <pre class="code">
 * &#64;RegisterExtension
 * static final FakeLookerExtension looker = new FakeLookerExtension(
 *         FakeLooker.builder().tokenLifetime(Duration.ofSeconds(2)).build());
 *
 * &#64;DynamicPropertySource
 * static void lookerProperties(DynamicPropertyRegistry registry) {
 *     looker.registerProperties(registry);
 * }
 * </pre>
 *
 * <p>
 * On a static field or through {@code @ExtendWith}, the fake starts before all tests of
 * the class and stops after them, and {@code @Nested} classes share it. On an instance
 * field, each test gets its own extension, which starts the fake before the test and
 * stops it after.
 *
 * <p>
 * Before each test the extension clears the journal, the counters, the faults and the
 * latency, so each test starts from a quiet fake. Tokens stay valid, so a client that is
 * shared between tests, such as one in a cached Spring application context, keeps its
 * session.
 */
public final class FakeLookerExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final FakeLooker fakeLooker;

	private @Nullable String startedBy;

	/**
	 * Creates an extension with a {@link FakeLooker} that has the default configuration.
	 */
	public FakeLookerExtension() {
		this(FakeLooker.builder().build());
	}

	/**
	 * Creates an extension that runs the given fake.
	 * @param fakeLooker the fake, not started yet
	 */
	public FakeLookerExtension(FakeLooker fakeLooker) {
		this.fakeLooker = Objects.requireNonNull(fakeLooker, "fakeLooker must not be null");
	}

	/**
	 * Returns the fake that this extension runs.
	 * @return the fake
	 */
	public FakeLooker fakeLooker() {
		return this.fakeLooker;
	}

	/**
	 * Adds the properties of the default client to a registry, as
	 * {@link FakeLooker#registerProperties(DynamicPropertyRegistry)} does.
	 * @param registry the registry
	 */
	public void registerProperties(DynamicPropertyRegistry registry) {
		this.fakeLooker.registerProperties(registry);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		start(context);
		this.fakeLooker.reset();
		this.fakeLooker.clearFaults();
		this.fakeLooker.clearLatency();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		stop(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FakeLooker.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return this.fakeLooker;
	}

	private synchronized void start(ExtensionContext context) {
		if (this.startedBy == null && !this.fakeLooker.isRunning()) {
			this.fakeLooker.start();
			this.startedBy = context.getUniqueId();
		}
	}

	private synchronized void stop(ExtensionContext context) {
		if (context.getUniqueId().equals(this.startedBy)) {
			this.fakeLooker.stop();
			this.startedBy = null;
		}
	}

}
