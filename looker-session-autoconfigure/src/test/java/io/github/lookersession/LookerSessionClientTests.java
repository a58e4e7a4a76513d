package io.github.lookersession;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LookerSessionClient} against WireMock, for the exact shape of each
 * request and the mapping of each response.
 */
class LookerSessionClientTests {

	static final String TOKEN = "wiremock-access-token-6f1ed002ab5595859014ebf0951522d9";

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static WireMockExtension looker = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static String loginBody(String token, long expiresIn) {
		return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
				+ ",\"refresh_token\":null}";
	}

	static void stubLogin(String version) {
		looker.stubFor(post(urlEqualTo("/api/" + version + "/login")).willReturn(okJson(loginBody(TOKEN, 3600))));
	}

	LookerSessionClient client(String version, String workspace) {
		return LookerClientFixture.forBaseUrl(looker.baseUrl())
			.apiVersion(version)
			.workspace(workspace)
			.build()
			.client();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void loginSendsCredentialsInFormBodyOnly(String version) {
		stubLogin(version);
		looker.stubFor(get("/api/" + version + "/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));

		client(version, "production").getSession().block(TIMEOUT);

		looker.verify(1, postRequestedFor(urlEqualTo("/api/" + version + "/login"))
			.withHeader("Content-Type", WireMock.containing("application/x-www-form-urlencoded"))
			.withFormParam("client_id", equalTo(LookerClientFixture.CLIENT_ID))
			.withFormParam("client_secret", equalTo(LookerClientFixture.CLIENT_SECRET))
			.withQueryParam("client_id", absent())
			.withQueryParam("client_secret", absent())
			.withHeader("Authorization", absent()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void getSessionSendsTokenAuthorizationHeader(String version) {
		stubLogin(version);
		looker.stubFor(get("/api/" + version + "/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));

		client(version, "production").getSession().block(TIMEOUT);

		looker.verify(1, getRequestedFor(urlEqualTo("/api/" + version + "/session"))
			.withHeader("Authorization", equalTo("token " + TOKEN))
			.withHeader("Accept", WireMock.containing("application/json")));
	}

	@Test
	void getSessionReadsApi40Body() {
		stubLogin("4.0");
		looker.stubFor(get("/api/4.0/session").willReturn(okJson(
				"{\"can\":{\"view\":true,\"update\":false},\"workspace_id\":\"dev\",\"sudo_user_id\":\"42\",\"new_field\":1}")));

		ApiSession session = client("4.0", "production").getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		assertThat(session.sudoUserId()).isEqualTo("42");
		assertThat(session.can()).containsEntry("view", true).containsEntry("update", false);
	}

	@Test
	void getSessionReadsApi31Body() {
		stubLogin("3.1");
		looker.stubFor(get("/api/3.1/session")
			.willReturn(okJson("{\"can\":{\"view\":true},\"workspace_id\":\"production\",\"sudo_user_id\":42}")));

		ApiSession session = client("3.1", "production").getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("production");
		assertThat(session.sudoUserId()).isEqualTo("42");
		assertThat(session.can()).containsEntry("view", true);
	}

	@Test
	void getSessionReadsNullSudoUserAndMissingCan() {
		stubLogin("4.0");
		looker.stubFor(get("/api/4.0/session")
			.willReturn(okJson("{\"workspace_id\":\"production\",\"sudo_user_id\":null}")));

		ApiSession session = client("4.0", "production").getSession().block(TIMEOUT);

		assertThat(session.sudoUserId()).isNull();
		assertThat(session.can()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0", "3.1" })
	void updateSessionSendsOnlyWorkspaceId(String version) {
		stubLogin(version);
		looker.stubFor(patch(urlEqualTo("/api/" + version + "/session"))
			.willReturn(okJson("{\"can\":{},\"workspace_id\":\"dev\",\"sudo_user_id\":null}")));
		ApiSession update = new ApiSession(java.util.Map.of("view", true), "dev", "7");

		ApiSession session = client(version, "production").updateSession(update).block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		looker.verify(1, patchRequestedFor(urlEqualTo("/api/" + version + "/session"))
			.withHeader("Content-Type", WireMock.containing("application/json"))
			.withHeader("Authorization", equalTo("token " + TOKEN))
			.withRequestBody(equalToJson("{\"workspace_id\":\"dev\"}", false, false)));
	}

	@Test
	void selectWorkspaceChangesDesiredWorkspace() {
		stubLogin("4.0");
		looker.stubFor(patch(urlEqualTo("/api/4.0/session")).willReturn(okJson("{\"workspace_id\":\"dev\"}")));
		LookerSessionClient client = client("4.0", "production");

		client.selectWorkspace("dev").block(TIMEOUT);

		assertThat(client.getDesiredWorkspace()).isEqualTo("dev");
	}

	@Test
	void devWorkspaceLogsInThenPatchesThenGets() {
		stubLogin("4.0");
		looker.stubFor(patch(urlEqualTo("/api/4.0/session"))
			.inScenario("workspace")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willSetStateTo("dev")
			.willReturn(okJson("{\"workspace_id\":\"dev\"}")));
		looker.stubFor(get(urlEqualTo("/api/4.0/session"))
			.inScenario("workspace")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(okJson("{\"workspace_id\":\"production\"}")));
		looker.stubFor(get(urlEqualTo("/api/4.0/session"))
			.inScenario("workspace")
			.whenScenarioStateIs("dev")
			.willReturn(okJson("{\"workspace_id\":\"dev\"}")));

		ApiSession session = client("4.0", "dev").getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("dev");
		List<String> order = looker.getAllServeEvents()
			.stream()
			.sorted(Comparator.comparing((ServeEvent event) -> event.getRequest().getLoggedDate()))
			.map((event) -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
			.toList();
		assertThat(order).containsExactly("POST /api/4.0/login", "PATCH /api/4.0/session", "GET /api/4.0/session");
	}

	@Test
	void productionWorkspaceSendsNoPatch() {
		stubLogin("4.0");
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));

		client("4.0", "production").getSession().block(TIMEOUT);

		looker.verify(0, patchRequestedFor(urlPathEqualTo("/api/4.0/session")));
	}

	@Test
	void tokenIsReusedUntilRefreshMargin() {
		MutableClock clock = new MutableClock();
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(okJson(loginBody(TOKEN, 120))));
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));
		LookerSessionClient client = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.refreshMargin(Duration.ofSeconds(60))
			.clock(clock)
			.build()
			.client();

		client.getSession().block(TIMEOUT);
		clock.advance(Duration.ofSeconds(59));
		client.getSession().block(TIMEOUT);
		looker.verify(1, postRequestedFor(urlEqualTo("/api/4.0/login")));

		clock.advance(Duration.ofSeconds(1));
		client.getSession().block(TIMEOUT);
		looker.verify(2, postRequestedFor(urlEqualTo("/api/4.0/login")));
	}

	@Test
	void loginResponseWithoutRefreshTokenFieldIsAccepted() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login"))
			.willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));

		ApiSession session = client("4.0", "production").getSession().block(TIMEOUT);

		assertThat(session.workspaceId()).isEqualTo("production");
	}

	@Test
	void logoutSendsDeleteWithCurrentToken() {
		stubLogin("4.0");
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));
		looker.stubFor(delete("/api/4.0/logout").willReturn(aResponse().withStatus(204)));
		LookerClientFixture.Built built = LookerClientFixture.forBaseUrl(looker.baseUrl())
			.workspace("production")
			.build();
		built.client().getSession().block(TIMEOUT);

		built.tokenManager().logout().block(TIMEOUT);

		looker.verify(1, WireMock.deleteRequestedFor(urlEqualTo("/api/4.0/logout"))
			.withHeader("Authorization", equalTo("token " + TOKEN)));
	}

}
