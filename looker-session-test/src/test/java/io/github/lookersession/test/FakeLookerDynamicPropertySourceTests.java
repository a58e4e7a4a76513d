package io.github.lookersession.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FakeLookerExtension#registerProperties(DynamicPropertyRegistry)} in a
 * Spring test.
 */
@SpringJUnitConfig(FakeLookerDynamicPropertySourceTests.EmptyConfiguration.class)
class FakeLookerDynamicPropertySourceTests {

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension();

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void lookerProperties(DynamicPropertyRegistry registry) {
		extension.registerProperties(registry);
	}

	@Test
	void baseUrlPropertyIsUrlOfRunningFake() {
		assertThat(this.environment.getProperty("looker.base-url")).isEqualTo(extension.fakeLooker().baseUrl());
	}

	@Test
	void credentialPropertiesAreThoseOfDefaultClient() {
		assertThat(this.environment.getProperty("looker.client-id")).isEqualTo(FakeLooker.DEFAULT_CLIENT_ID);
		assertThat(this.environment.getProperty("looker.client-secret")).isEqualTo(FakeLooker.DEFAULT_CLIENT_SECRET);
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
