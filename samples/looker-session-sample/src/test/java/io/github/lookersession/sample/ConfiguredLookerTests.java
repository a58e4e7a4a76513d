package io.github.lookersession.sample;

import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.FakeLookerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample through its main method with {@code looker.base-url} set, as the
 * {@code LOOKER_BASE_URL} environment variable sets it, and checks that the sample uses
 * that Looker and starts no embedded fake.
 */
@SpringBootTest(useMainMethod = UseMainMethod.ALWAYS)
class ConfiguredLookerTests {

	@RegisterExtension
	static final FakeLookerExtension looker = new FakeLookerExtension();

	@DynamicPropertySource
	static void lookerProperties(DynamicPropertyRegistry registry) {
		looker.registerProperties(registry);
	}

	@Autowired
	private ApplicationContext context;

	@Test
	void configuredLookerStartsNoEmbeddedFake(FakeLooker fake) {
		assertThat(this.context.getBeansOfType(EmbeddedLooker.class)).isEmpty();
		// The sample read the session at startup, so it logged in to this fake.
		assertThat(fake.activeSessionCount()).isEqualTo(1);
	}

	@Test
	void probeIsOffWithoutProbeModel() {
		assertThat(this.context.getBeansOfType(WorkspaceProbe.class)).isEmpty();
	}

}
