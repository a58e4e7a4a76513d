package io.github.lookersession.sample;

import java.time.Duration;

import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.FakeLookerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests {@link WorkspaceProbe}, application code that uses the Looker session client,
 * against a fake Looker on loopback.
 */
@SpringBootTest(properties = "sample.probe-model=" + FakeLooker.DEFAULT_DEV_ONLY_LOOKML_MODEL)
class WorkspaceProbeTests {

	@RegisterExtension
	static final FakeLookerExtension looker = new FakeLookerExtension();

	@DynamicPropertySource
	static void lookerProperties(DynamicPropertyRegistry registry) {
		looker.registerProperties(registry);
	}

	@Autowired
	private WorkspaceProbe probe;

	@Test
	void probeRunsInDevAfterNewLogin(FakeLooker fake) {
		// The fake now rejects the current token with 401, as Looker does for an expired token.
		fake.revokeAllTokens();

		WorkspaceProbe.Result result = this.probe.probe().block(Duration.ofSeconds(10));

		assertThat(result.status().value()).isEqualTo(200);
		assertThat(result.workspaceId()).isEqualTo("dev");
		// The extension resets the counters before each test, so this is the new login only.
		assertThat(fake.loginCount()).isEqualTo(1);
	}

}
