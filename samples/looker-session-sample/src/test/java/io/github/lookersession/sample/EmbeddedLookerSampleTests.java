package io.github.lookersession.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.lookersession.ApiSession;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample through its main method, as {@code spring-boot:run} does, so it runs
 * against the embedded fake Looker, and watches it over more than two token lifetimes.
 */
@SpringBootTest(useMainMethod = UseMainMethod.ALWAYS, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.embedded-looker.token-lifetime=3s", "sample.embedded-looker.token-refresh-margin=1s",
				"sample.probe-interval=500ms" })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class EmbeddedLookerSampleTests {

	// With 3 s tokens refreshed 1 s before expiry, the client logs in about every 2 s.
	private static final Duration OBSERVATION_TIME = Duration.ofSeconds(7);

	private static final String WORKSPACE_SELECTED_LINE = "Selected Looker workspace 'dev' for the new API session";

	private static final String LOGIN_LINE = "Logged in to Looker";

	private static final String PROBE_DEV_LINE = "so workspace 'dev' served it";

	private static final String PROBE_PRODUCTION_LINE = "so workspace 'production' served it";

	@Autowired
	private EmbeddedLooker embeddedLooker;

	@LocalServerPort
	private int port;

	@Test
	void sessionStaysInDevAcrossTokenLifetimes(CapturedOutput output) throws InterruptedException {
		FakeLooker looker = this.embeddedLooker.fakeLooker();
		WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
		List<String> returnedWorkspaces = new ArrayList<>();

		Instant end = Instant.now().plus(OBSERVATION_TIME);
		while (Instant.now().isBefore(end)) {
			returnedWorkspaces.add(readWorkspace(http));
			Thread.sleep(250);
		}

		String log = output.getAll();
		assertThat(looker.loginCount()).isGreaterThanOrEqualTo(3);
		assertThat(returnedWorkspaces).isNotEmpty().containsOnly(ApiSession.DEV_WORKSPACE);
		long logins = countLines(log, LOGIN_LINE);
		assertThat(logins).isGreaterThanOrEqualTo(3);
		// Each login line is followed by its workspace line. The last login may still be
		// running its hook when the output is read.
		assertThat(loginAndWorkspaceSequence(log)).matches("(LW)+L?");
		assertThat(countLines(log, PROBE_DEV_LINE)).isGreaterThanOrEqualTo(5);
		assertThat(countLines(log, PROBE_PRODUCTION_LINE)).isZero();
		assertThat(log).contains("Looker API 4.0 session at " + looker.baseUrl() + ": workspace 'dev'");
		List<JournalEntry> probes = looker.journal()
			.stream()
			.filter((entry) -> entry.endpoint().equals("GET /lookml_models/" + FakeLooker.DEFAULT_DEV_ONLY_LOOKML_MODEL))
			.toList();
		assertThat(probes).extracting(JournalEntry::workspace).isNotEmpty().containsOnly(ApiSession.DEV_WORKSPACE);
		assertThat(probes).extracting(JournalEntry::status).containsOnly(200);
	}

	@Test
	void outputContainsNoSecretOrToken(CapturedOutput output) throws InterruptedException {
		FakeLooker looker = this.embeddedLooker.fakeLooker();
		WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();

		// The output covers the whole class, so it includes the other test when that ran first.
		Instant end = Instant.now().plus(OBSERVATION_TIME);
		while (looker.loginCount() < 2 && Instant.now().isBefore(end)) {
			readWorkspace(http);
			Thread.sleep(250);
		}

		String log = output.getAll();
		assertThat(looker.loginCount()).isGreaterThanOrEqualTo(2);
		assertThat(log).doesNotContain(FakeLooker.DEFAULT_CLIENT_SECRET);
		for (String token : looker.issuedAccessTokens()) {
			assertThat(log).doesNotContain(token);
		}
	}

	private static String readWorkspace(WebTestClient http) {
		ApiSession session = http.get()
			.uri("/session")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ApiSession.class)
			.returnResult()
			.getResponseBody();
		assertThat(session).isNotNull();
		return session.workspaceId();
	}

	private static String loginAndWorkspaceSequence(String log) {
		StringBuilder sequence = new StringBuilder();
		log.lines().forEach((line) -> {
			if (line.contains(LOGIN_LINE)) {
				sequence.append('L');
			}
			else if (line.contains(WORKSPACE_SELECTED_LINE)) {
				sequence.append('W');
			}
		});
		return sequence.toString();
	}

	private static long countLines(String log, String text) {
		return log.lines().filter((line) -> line.contains(text)).count();
	}

}
