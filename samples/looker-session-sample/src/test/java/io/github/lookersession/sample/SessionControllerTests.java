package io.github.lookersession.sample;

import java.time.Duration;

import io.github.lookersession.test.Fault;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.FakeLookerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the sample's {@code /session} endpoints over HTTP on loopback, against a
 * fake Looker started by {@link FakeLookerExtension}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "sample.probe-model=" + FakeLooker.DEFAULT_DEV_ONLY_LOOKML_MODEL)
class SessionControllerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final FakeLookerExtension looker = new FakeLookerExtension();

	@DynamicPropertySource
	static void lookerProperties(DynamicPropertyRegistry registry) {
		looker.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private WorkspaceProbe probe;

	private WebTestClient http;

	@BeforeEach
	void createClient() {
		this.http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void getSessionReturnsDevWorkspace() {
		this.http.get()
			.uri("/session")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.workspace_id")
			.isEqualTo("dev");
	}

	@Test
	@DirtiesContext
	void selectedWorkspaceSurvivesNewLogin(FakeLooker fake) {
		this.http.post()
			.uri("/session/workspace/production")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.workspace_id")
			.isEqualTo("production");

		fake.revokeAllTokens();

		this.http.get()
			.uri("/session")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.workspace_id")
			.isEqualTo("production");
		assertThat(fake.loginCount()).isEqualTo(1);
		WorkspaceProbe.Result result = this.probe.probe().block(TIMEOUT);
		assertThat(result).isNotNull();
		assertThat(result.status().value()).isEqualTo(404);
		assertThat(result.workspaceId()).isEqualTo("production");
	}

	@Test
	void unknownWorkspaceIsBadRequest() {
		this.http.post()
			.uri("/session/workspace/staging")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("'staging' is not a Looker workspace; use production or dev");
	}

	@Test
	void lookerRejectionIsBadGateway(FakeLooker fake) {
		fake.injectFault("PATCH /session",
				Fault.response(403, "{\"message\":\"Requires the develop permission\"}", "application/json"), 1);

		this.http.post()
			.uri("/session/workspace/dev")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.looker_status")
			.isEqualTo(403)
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail).asString().contains("Requires the develop permission"));
	}

}
