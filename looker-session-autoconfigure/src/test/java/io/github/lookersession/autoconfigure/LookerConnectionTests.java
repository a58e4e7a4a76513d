package io.github.lookersession.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LookerConnection}.
 */
class LookerConnectionTests {

	static final String SECRET = "connection-secret-9f86d081884c";

	private static LookerProperties properties(String baseUrl, String apiVersion) {
		LookerProperties properties = new LookerProperties();
		properties.setBaseUrl(baseUrl);
		properties.setApiVersion(apiVersion);
		properties.setClientId("connection-client");
		properties.setClientSecret(SECRET);
		return properties;
	}

	@ParameterizedTest(name = "{0} with API {1}")
	@CsvSource({ "https://example.cloud.looker.com, 4.0, https://example.cloud.looker.com/api/4.0",
			"https://example.cloud.looker.com/, 4.0, https://example.cloud.looker.com/api/4.0",
			"https://example.cloud.looker.com///, 3.1, https://example.cloud.looker.com/api/3.1",
			"https://example.cloud.looker.com/api/4.0, 4.0, https://example.cloud.looker.com/api/4.0",
			"https://example.cloud.looker.com/api/4.0/, 4.0, https://example.cloud.looker.com/api/4.0",
			"https://example.cloud.looker.com/api/3.1, 3.1, https://example.cloud.looker.com/api/3.1",
			"https://looker.example.com:19999, 4.0, https://looker.example.com:19999/api/4.0",
			"https://example.com/looker/, 4.0, https://example.com/looker/api/4.0",
			"http://127.0.0.1:8080, 4.0, http://127.0.0.1:8080/api/4.0",
			"http://localhost:8080, 3.1, http://localhost:8080/api/3.1" })
	void apiRootUrlIsNormalized(String baseUrl, String apiVersion, String expected) {
		assertThat(LookerConnection.of(properties(baseUrl, apiVersion)).apiRootUrl()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"https://example.cloud.looker.com/api/3.1 | 4.0 | looker.base-url | ends with /api/3.1 but looker.api-version is 4.0",
			"example.cloud.looker.com | 4.0 | looker.base-url | is not an absolute http or https URL",
			"/looker | 4.0 | looker.base-url | is not an absolute http or https URL",
			"ftp://example.cloud.looker.com | 4.0 | looker.base-url | is not an absolute http or https URL",
			"https://example.cloud.looker.com?x=1 | 4.0 | looker.base-url | has a query or fragment",
			"https://example.cloud.looker.com#top | 4.0 | looker.base-url | has a query or fragment",
			"http://example.cloud.looker.com | 4.0 | looker.base-url | uses plain http to a host other than loopback",
			"https://exa mple.com | 4.0 | looker.base-url | is not a valid URL",
			"https://example.cloud.looker.com | 5.0 | looker.api-version | which this client does not support" })
	void invalidPropertyIsRejected(String baseUrl, String apiVersion, String property, String problem) {
		assertThatExceptionOfType(InvalidLookerPropertyException.class)
			.isThrownBy(() -> LookerConnection.of(properties(baseUrl, apiVersion)))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(property))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains(problem))
			.satisfies((ex) -> assertThat(ex.getAction()).contains(property));
	}

	@Test
	void plainHttpIsAllowedWhenConfigured() {
		LookerProperties properties = properties("http://looker.internal:9999", "4.0");
		properties.setAllowInsecureHttp(true);

		assertThat(LookerConnection.of(properties).apiRootUrl()).isEqualTo("http://looker.internal:9999/api/4.0");
	}

	@Test
	void userInfoIsRejectedWithoutEchoingIt() {
		LookerProperties properties = properties("https://admin:hunter2@example.cloud.looker.com", "4.0");

		assertThatExceptionOfType(InvalidLookerPropertyException.class)
			.isThrownBy(() -> LookerConnection.of(properties))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("user information"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
	}

	@Test
	void unknownWorkspaceIsRejected() {
		LookerProperties properties = properties("https://example.cloud.looker.com", "4.0");
		properties.setWorkspace("staging");

		assertThatExceptionOfType(InvalidLookerPropertyException.class)
			.isThrownBy(() -> LookerConnection.of(properties))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("looker.workspace"))
			.satisfies((ex) -> assertThat(ex.getAction()).contains("production or dev"));
	}

	@Test
	void negativeRefreshMarginIsRejected() {
		LookerProperties properties = properties("https://example.cloud.looker.com", "4.0");
		properties.setTokenRefreshMargin(Duration.ofSeconds(-1));

		assertThatExceptionOfType(InvalidLookerPropertyException.class)
			.isThrownBy(() -> LookerConnection.of(properties))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("looker.token-refresh-margin"));
	}

	@Test
	void toStringOmitsSecret() {
		LookerConnection connection = LookerConnection.of(properties("https://example.cloud.looker.com", "4.0"));

		assertThat(connection.toString()).doesNotContain(SECRET);
		assertThat(properties("https://example.cloud.looker.com", "4.0").toString()).doesNotContain(SECRET);
	}

}
