package io.github.lookersession.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.health.LookerHealthIndicator;
import io.github.lookersession.test.FakeLooker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LookerHealthContributorAutoConfiguration} and
 * {@link LookerHealthIndicator}, against the fake Looker on loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class LookerHealthContributorAutoConfigurationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final String VIEWER_ID = "viewer-id";

	static final String VIEWER_SECRET = "viewer-secret-2c26b46b68ffc68f";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				LookerSessionAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, LookerHealthContributorAutoConfiguration.class));

	private FakeLooker looker;

	@BeforeEach
	void startLooker() {
		// The viewer has no permission, so it cannot select the dev workspace.
		this.looker = FakeLooker.builder().client(VIEWER_ID, VIEWER_SECRET).build();
		this.looker.start();
	}

	@AfterEach
	void stopLooker() {
		this.looker.stop();
	}

	private ApplicationContextRunner withLooker() {
		return this.contextRunner.withPropertyValues(this.looker.propertyValues());
	}

	@Test
	void indicatorIsRegisteredAsLooker() {
		withLooker().run((context) -> {
			ReactiveHealthContributorRegistry registry = context.getBean(ReactiveHealthContributorRegistry.class);

			assertThat(registry.getContributor("looker")).isSameAs(context.getBean(LookerHealthIndicator.class));
		});
	}

	@Test
	void upWithWorkspaceApiVersionAndBaseUrl() {
		withLooker().withPropertyValues("looker.base-url=" + this.looker.baseUrl() + "/api/4.0/", "looker.workspace=dev")
			.run((context) -> {
				Health health = check(context);

				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("workspace", "dev");
				assertThat(health.getDetails()).containsEntry("apiVersion", "4.0");
				assertThat(health.getDetails()).containsEntry("baseUrl", this.looker.baseUrl());
				assertThat(health.getDetails()).doesNotContainKey("error");
			});
	}

	@Test
	void upReportsApiVersion31() {
		withLooker().withPropertyValues("looker.api-version=3.1").run((context) -> {
			Health health = check(context);

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("workspace", "production");
			assertThat(health.getDetails()).containsEntry("apiVersion", "3.1");
		});
	}

	@Test
	void downWhileLookerIsStopped() {
		withLooker().run((context) -> {
			assertThat(check(context).getStatus()).isEqualTo(Status.UP);

			this.looker.stop();
			Health stopped = check(context);
			this.looker.start();
			Health restarted = check(context);

			assertThat(stopped.getStatus()).isEqualTo(Status.DOWN);
			assertThat(error(stopped)).startsWith("io.github.lookersession.LookerApiException: ");
			assertThat(error(stopped)).contains("GET /api/4.0/session");
			assertThat(stopped.getDetails()).containsEntry("baseUrl", this.looker.baseUrl());
			assertThat(restarted.getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void downWhenCredentialsAreRejected() {
		String wrongSecret = "wrong-secret-fcde2b2edba56bf4";
		withLooker().withPropertyValues("looker.client-secret=" + wrongSecret).run((context) -> {
			Health health = check(context);

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(error(health)).startsWith("io.github.lookersession.LookerAuthenticationException: ");
			assertThat(error(health)).contains("looker.client-id and looker.client-secret");
			assertThat(health.getDetails().toString()).doesNotContain(wrongSecret);
		});
	}

	@Test
	void downWhenWorkspaceHookFails() {
		withLooker().withPropertyValues("looker.client-id=" + VIEWER_ID, "looker.client-secret=" + VIEWER_SECRET,
				"looker.workspace=dev")
			.run((context) -> {
				Health health = check(context);

				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(error(health)).startsWith("io.github.lookersession.LookerWorkspaceException: ");
				assertThat(error(health)).contains("'dev'");
				assertThat(error(health)).contains("403");
				assertThat(health.getDetails()).doesNotContainKey("workspace");
			});
	}

	@Test
	void downWhenLookerIsSlowerThanTimeout() {
		withLooker().withPropertyValues("management.health.looker.timeout=300ms").run((context) -> {
			assertThat(check(context).getStatus()).isEqualTo(Status.UP);
			this.looker.setLatency("GET /session", Duration.ofSeconds(3));

			long start = System.nanoTime();
			Health health = check(context);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(error(health)).startsWith("java.util.concurrent.TimeoutException: ");
			assertThat(error(health)).contains("within 300 ms");
			assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
		});
	}

	@Test
	void detailsContainNoSecretOrToken() {
		List<Health> results = new ArrayList<>();
		withLooker().run((context) -> results.add(check(context)));
		withLooker().withPropertyValues("looker.client-id=" + VIEWER_ID, "looker.client-secret=" + VIEWER_SECRET,
				"looker.workspace=dev")
			.run((context) -> results.add(check(context)));

		assertThat(results).extracting(Health::getStatus).containsExactly(Status.UP, Status.DOWN);
		assertThat(this.looker.issuedAccessTokens()).hasSize(2);
		for (Health health : results) {
			String details = health.getDetails().toString();
			assertThat(details).doesNotContain(FakeLooker.DEFAULT_CLIENT_SECRET);
			assertThat(details).doesNotContain(VIEWER_SECRET);
			for (String token : this.looker.issuedAccessTokens()) {
				assertThat(details).doesNotContain(token);
			}
		}
	}

	@Test
	void repeatedChecksLogInOnlyOnce() {
		withLooker().withPropertyValues("looker.workspace=dev").run((context) -> {
			List<Status> statuses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				statuses.add(check(context).getStatus());
			}

			assertThat(statuses).containsOnly(Status.UP);
			assertThat(this.looker.loginCount()).isEqualTo(1);
			assertThat(this.looker.sessionPatchCount()).isEqualTo(1);
		});
	}

	@Test
	void checksReuseTheClientsToken() {
		withLooker().run((context) -> {
			context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT);
			this.looker.reset();

			for (int i = 0; i < 20; i++) {
				check(context);
			}

			assertThat(this.looker.loginCount()).isZero();
		});
	}

	@Test
	void repeatedFailureLogsOneWarning(CapturedOutput output) {
		withLooker().withPropertyValues("looker.client-secret=wrong-secret").run((context) -> {
			for (int i = 0; i < 3; i++) {
				check(context);
			}
		});

		assertThat(output.getOut().split("Looker health check failed", -1)).hasSize(2);
	}

	@Test
	void absentWhenDisabledByProperty() {
		withLooker().withPropertyValues("management.health.looker.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LookerHealthIndicator.class);
			assertThat(context).hasSingleBean(LookerSessionClient.class);
		});
	}

	@Test
	void absentWithoutHealthClasses() {
		withLooker().withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LookerHealthIndicator.class);
			assertThat(context).hasSingleBean(LookerSessionClient.class);
		});
	}

	@Test
	void absentWhenClientIsDisabled() {
		this.contextRunner.withPropertyValues("looker.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LookerHealthIndicator.class);
		});
	}

	@Test
	void backsOffWhenUserDefinesLookerHealthIndicator() {
		withLooker().withUserConfiguration(UserHealthIndicatorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(LookerHealthIndicator.class);
			assertThat(context).hasBean("lookerHealthIndicator");
		});
	}

	@Test
	void nonPositiveTimeoutFailsStartup() {
		withLooker().withPropertyValues("management.health.looker.timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidLookerPropertyException.class)
				.hasMessageContaining("management.health.looker.timeout");
		});
	}

	private static Health check(AssertableApplicationContext context) {
		Health health = context.getBean(LookerHealthIndicator.class).health().block(TIMEOUT);
		assertThat(health).as("health").isNotNull();
		return health;
	}

	private static String error(Health health) {
		return String.valueOf(health.getDetails().get("error"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHealthIndicatorConfiguration {

		@Bean
		ReactiveHealthIndicator lookerHealthIndicator() {
			return () -> Mono.just(Health.up().build());
		}

	}

}
