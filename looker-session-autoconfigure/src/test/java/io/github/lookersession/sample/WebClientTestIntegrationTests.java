package io.github.lookersession.sample;

import java.time.Duration;

import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.health.LookerHealthIndicator;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.FakeLookerExtension;
import io.github.lookersession.test.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webclient.test.autoconfigure.WebClientTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shows that Spring Boot's {@code @WebClientTest} slice includes the Looker session
 * auto-configuration, so a component that uses {@link LookerSessionClient} can be tested
 * against the fake Looker without the rest of the application.
 */
@WebClientTest(WorkspaceService.class)
class WebClientTestIntegrationTests {

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
	private ApplicationContext context;

	@Test
	void serviceReadsWorkspaceFromFake(FakeLooker fake) {
		String workspace = this.workspaceService.currentWorkspace().block(TIMEOUT);

		assertThat(workspace).isEqualTo("production");
		assertThat(fake.journal()).extracting(JournalEntry::endpoint).contains("GET /session");
	}

	@Test
	void sliceLeavesOutHealthIndicator() {
		assertThat(this.context.getBeanNamesForType(LookerSessionClient.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(LookerHealthIndicator.class)).isEmpty();
	}

}
