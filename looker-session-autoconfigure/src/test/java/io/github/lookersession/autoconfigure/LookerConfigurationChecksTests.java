package io.github.lookersession.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.lookersession.NoSecretsInLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup checks of the {@code looker.*} properties: each mistake stops the context with
 * a failure analysis that names the property and the fix, and never the secret.
 */
class LookerConfigurationChecksTests {

	static final String SECRET = "checks-secret-ef2d127de37b942b";

	@RegisterExtension
	NoSecretsInLogs noSecrets = new NoSecretsInLogs(() -> List.of(SECRET));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class, LookerSessionAutoConfiguration.class));

	static Stream<Arguments> mistakes() {
		return Stream.of(
				mistake("base-url missing", "looker.base-url", "looker.base-url is not set", "looker.enabled=false",
						"looker.base-url="),
				mistake("base-url blank", "looker.base-url", "looker.base-url is not set", "Set looker.base-url",
						"looker.base-url=   "),
				mistake("client-id missing", "looker.client-id", "looker.client-id is not set", "LOOKER_CLIENT_ID",
						"looker.client-id="),
				mistake("client-secret missing", "looker.client-secret", "looker.client-secret is not set",
						"LOOKER_CLIENT_SECRET", "looker.client-secret="),
				mistake("relative base-url", "looker.base-url", "is not an absolute http or https URL",
						"https://example.cloud.looker.com", "looker.base-url=/looker"),
				mistake("host without scheme", "looker.base-url", "is not an absolute http or https URL",
						"https://example.cloud.looker.com", "looker.base-url=example.cloud.looker.com"),
				mistake("ftp base-url", "looker.base-url", "is not an absolute http or https URL",
						"Set looker.base-url", "looker.base-url=ftp://example.cloud.looker.com"),
				mistake("query in base-url", "looker.base-url", "has a query or fragment", "Set looker.base-url",
						"looker.base-url=https://example.cloud.looker.com?instance=1"),
				mistake("fragment in base-url", "looker.base-url", "has a query or fragment", "Set looker.base-url",
						"looker.base-url=https://example.cloud.looker.com#api"),
				mistake("other API path in base-url", "looker.base-url", "ends with /api/3.1",
						"Remove /api/3.1 from looker.base-url", "looker.base-url=https://example.cloud.looker.com/api/3.1"),
				mistake("plain http to remote host", "looker.base-url", "credentials and tokens would travel unencrypted",
						"looker.allow-insecure-http=true", "looker.base-url=http://looker.example.com"),
				mistake("unsupported api-version", "looker.api-version", "'4.1'", "4.0 (the default) or 3.1",
						"looker.api-version=4.1"),
				mistake("unknown workspace", "looker.workspace", "'staging'", "production or dev",
						"looker.workspace=staging"),
				mistake("zero connect-timeout", "looker.connect-timeout", "is PT0S, which is not positive",
						"Set looker.connect-timeout", "looker.connect-timeout=0s"),
				mistake("negative read-timeout", "looker.read-timeout", "is PT-1S, which is not positive",
						"Set looker.read-timeout", "looker.read-timeout=-1s"),
				mistake("negative refresh margin", "looker.token-refresh-margin", "which is negative",
						"Set looker.token-refresh-margin", "looker.token-refresh-margin=-5s"),
				mistake("zero max-attempts", "looker.retry.max-attempts", "is 0", "Set looker.retry.max-attempts to 1",
						"looker.retry.max-attempts=0"),
				mistake("zero initial-backoff", "looker.retry.initial-backoff", "which is not positive",
						"Set looker.retry.initial-backoff", "looker.retry.initial-backoff=0ms"),
				mistake("negative max-backoff", "looker.retry.max-backoff", "which is not positive",
						"Set looker.retry.max-backoff", "looker.retry.max-backoff=-1s"),
				mistake("initial-backoff above max-backoff", "looker.retry.initial-backoff",
						"is greater than looker.retry.max-backoff", "at most looker.retry.max-backoff",
						"looker.retry.initial-backoff=20s", "looker.retry.max-backoff=10s"),
				mistake("unknown ssl bundle", "looker.ssl.bundle", "no SSL bundle has that name",
						"spring.ssl.bundle.pem.private-ca", "looker.ssl.bundle=private-ca"));
	}

	private static Arguments mistake(String name, String property, String description, String action,
			String... properties) {
		return Arguments.of(name, property, description, action, List.of(properties));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void mistakeFailsStartupWithAnalysis(String name, String property, String description, String action,
			List<String> properties) {
		List<String> values = new ArrayList<>(List.of("looker.base-url=https://example.cloud.looker.com",
				"looker.client-id=checks-client", "looker.client-secret=" + SECRET));
		values.addAll(properties);

		this.contextRunner.withPropertyValues(values.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidLookerPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(property);
			assertThat(analysis.getDescription()).contains(description);
			assertThat(analysis.getAction()).contains(action);
			assertThat(analysis.getDescription()).doesNotContain(SECRET);
			assertThat(analysis.getAction()).doesNotContain(SECRET);
		});
	}

}
