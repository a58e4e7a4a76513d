package io.github.lookersession.sample;

import java.time.Duration;

import io.github.lookersession.health.LookerHealthIndicator;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.FakeLookerExtension;
import io.github.lookersession.test.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shows that a plain {@code @SpringBootTest} gets a working client against the fake
 * Looker with nothing but {@link FakeLookerExtension} and a
 * {@code @DynamicPropertySource}, with every auto-configuration on the test classpath.
 */
@SpringBootTest(properties = "looker.workspace=dev")
class SpringBootTestIntegrationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final FakeLookerExtension looker = new FakeLookerExtension();

	@DynamicPropertySource
	static void lookerProperties(DynamicPropertyRegistry registry) {
		looker.registerProperties(registry);
	}

	@Autowired
	private WorkspaceService workspaceService;

	@Autowired
	private LookerHealthIndicator healthIndicator;

	@Test
	void serviceReadsDevWorkspaceFromFake(FakeLooker fake) {
		String workspace = this.workspaceService.currentWorkspace().block(TIMEOUT);
		JournalEntry lastRequest = fake.journal().get(fake.journal().size() - 1);

		assertThat(workspace).isEqualTo("dev");
		assertThat(lastRequest.endpoint()).isEqualTo("GET /session");
		assertThat(lastRequest.workspace()).isEqualTo("dev");
		assertThat(lastRequest.clientId()).isEqualTo(FakeLooker.DEFAULT_CLIENT_ID);
	}

	@Test
	void healthIndicatorIsUpAgainstFake(FakeLooker fake) {
		Health health = this.healthIndicator.health().block(TIMEOUT);

		assertThat(health).isNotNull();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("baseUrl", fake.baseUrl());
	}

}
