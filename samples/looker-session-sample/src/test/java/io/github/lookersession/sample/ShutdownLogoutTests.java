package io.github.lookersession.sample;

import java.util.List;

import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closes the running sample, with its web server and Reactor Netty resources, and checks
 * that the starter revoked the access token before those resources stopped.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownLogoutTests {

	private final FakeLooker looker = FakeLooker.builder().build();

	@BeforeEach
	void startLooker() {
		this.looker.start();
	}

	@AfterEach
	void stopLooker() {
		this.looker.stop();
	}

	@Test
	void closingApplicationRevokesToken(CapturedOutput output) {
		List<String> properties = new java.util.ArrayList<>(List.of(this.looker.propertyValues()));
		properties.add("server.port=0");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LookerSessionSampleApplication.class)
			.properties(properties.toArray(String[]::new))
			.run();
		context.getBean(LookerSessionClient.class).getSession().block(java.time.Duration.ofSeconds(10));

		context.close();

		assertThat(this.looker.logoutCount()).isEqualTo(1);
		assertThat(this.looker.journal()).filteredOn((entry) -> entry.endpoint().equals("DELETE /logout"))
			.singleElement()
			.extracting(JournalEntry::status)
			.isEqualTo(204);
		assertThat(output).doesNotContain("Could not revoke");
	}

}
