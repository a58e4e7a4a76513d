package io.github.lookersession.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the Spring property helpers of {@link FakeLooker}.
 */
class FakeLookerPropertiesTests {

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension(
			FakeLooker.builder().client("viewer-id", "viewer-secret").build());

	private final FakeLooker looker = extension.fakeLooker();

	@Test
	void propertiesOfDefaultClient() {
		assertThat(this.looker.properties()).containsExactly(Map.entry("looker.base-url", this.looker.baseUrl()),
				Map.entry("looker.client-id", FakeLooker.DEFAULT_CLIENT_ID),
				Map.entry("looker.client-secret", FakeLooker.DEFAULT_CLIENT_SECRET));
	}

	@Test
	void propertiesOfOtherClient() {
		Map<String, String> properties = this.looker.properties("viewer-id");

		assertThat(properties).containsEntry("looker.client-id", "viewer-id");
		assertThat(properties).containsEntry("looker.client-secret", "viewer-secret");
	}

	@Test
	void propertiesOfUnknownClientAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.looker.properties("missing-id"))
			.withMessageContaining("'missing-id'")
			.withMessageContaining("viewer-id");
	}

	@Test
	void propertyValuesWorkWithApplicationContextRunner() {
		new ApplicationContextRunner().withPropertyValues(this.looker.propertyValues()).run((context) -> {
			assertThat(context.getEnvironment().getProperty("looker.base-url")).isEqualTo(this.looker.baseUrl());
			assertThat(context.getEnvironment().getProperty("looker.client-id"))
				.isEqualTo(FakeLooker.DEFAULT_CLIENT_ID);
			assertThat(context.getEnvironment().getProperty("looker.client-secret"))
				.isEqualTo(FakeLooker.DEFAULT_CLIENT_SECRET);
		});
	}

	@Test
	void registerPropertiesOfOtherClient() {
		RecordingRegistry registry = new RecordingRegistry();

		this.looker.registerProperties(registry, "viewer-id");

		assertThat(registry.resolve()).isEqualTo(this.looker.properties("viewer-id"));
	}

	@Test
	void registeredBaseUrlIsReadWhenResolved() {
		FakeLooker notStarted = FakeLooker.builder().build();
		RecordingRegistry registry = new RecordingRegistry();

		notStarted.registerProperties(registry);

		assertThatIllegalStateException().isThrownBy(registry::resolve).withMessageContaining("start()");
		notStarted.start();
		try {
			assertThat(registry.resolve()).containsEntry("looker.base-url", notStarted.baseUrl());
		}
		finally {
			notStarted.stop();
		}
	}

	private static final class RecordingRegistry implements DynamicPropertyRegistry {

		private final Map<String, Supplier<Object>> suppliers = new LinkedHashMap<>();

		@Override
		public void add(String name, Supplier<Object> valueSupplier) {
			this.suppliers.put(name, valueSupplier);
		}

		Map<String, String> resolve() {
			Map<String, String> values = new LinkedHashMap<>();
			this.suppliers.forEach((name, supplier) -> values.put(name, String.valueOf(supplier.get())));
			return values;
		}

	}

}
