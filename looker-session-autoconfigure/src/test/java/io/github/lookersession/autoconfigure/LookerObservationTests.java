package io.github.lookersession.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.test.FakeLooker;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for the observations of Looker calls, logins, workspace selections and replays.
 */
class LookerObservationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class, LookerSessionAutoConfiguration.class))
		.withUserConfiguration(ObservationConfiguration.class);

	private FakeLooker looker;

	@AfterEach
	void stopLooker() {
		if (this.looker != null) {
			this.looker.stop();
		}
	}

	private ApplicationContextRunner withLooker(FakeLooker looker, String workspace) {
		this.looker = looker;
		looker.start();
		return this.contextRunner.withPropertyValues(looker.propertyValues())
			.withPropertyValues("looker.workspace=" + workspace);
	}

	private static long count(List<Observation.Context> observations, String name, String key, String value) {
		return observations.stream()
			.filter((context) -> context.getName().equals(name))
			.filter((context) -> KeyValue.of(key, value).equals(context.getLowCardinalityKeyValue(key)))
			.count();
	}

	@Test
	void lookerCallsAreObservedAsHttpClientRequests() {
		withLooker(FakeLooker.builder().build(), "dev").run((context) -> {
			context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT);
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);

			assertThat(registry).hasNumberOfObservationsWithNameEqualTo("http.client.requests", 3);
			assertThat(registry).hasAnObservationWithAKeyValue("uri", "/api/4.0/login");
			assertThat(registry).hasAnObservationWithAKeyValue("uri", "/api/4.0/session");
		});
	}

	@Test
	void firstLoginIsObservedWithReasonAndOutcome() {
		withLooker(FakeLooker.builder().build(), "dev").run((context) -> {
			context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT);
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);

			assertThat(registry).hasNumberOfObservationsWithNameEqualTo("looker.login", 1);
			assertThat(registry).hasObservationWithNameEqualTo("looker.login")
				.that()
				.hasLowCardinalityKeyValue("reason", "first_use")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasBeenStopped();
		});
	}

	@Test
	void revocationIsObservedAsUnauthorizedLoginAndReplay() {
		withLooker(FakeLooker.builder().build(), "dev").run((context) -> {
			LookerSessionClient client = context.getBean(LookerSessionClient.class);
			List<Observation.Context> observations = context.getBean(ObservationConfiguration.class).stopped;
			client.getSession().block(TIMEOUT);
			this.looker.revokeAllTokens();

			client.getSession().block(TIMEOUT);

			assertThat(count(observations, "looker.login", "reason", "unauthorized")).isEqualTo(1);
			assertThat(count(observations, "looker.replay", "outcome", "success")).isEqualTo(1);
			assertThat(count(observations, "looker.workspace.reapply", "outcome", "success")).isEqualTo(2);
		});
	}

	@Test
	void expiryIsObservedAsLoginReason() {
		withLooker(FakeLooker.builder().tokenLifetime(Duration.ofSeconds(2)).build(), "dev")
			.withPropertyValues("looker.token-refresh-margin=1500ms")
			.run((context) -> {
				LookerSessionClient client = context.getBean(LookerSessionClient.class);
				List<Observation.Context> observations = context.getBean(ObservationConfiguration.class).stopped;
				client.getSession().block(TIMEOUT);
				Thread.sleep(600);

				client.getSession().block(TIMEOUT);

				assertThat(count(observations, "looker.login", "reason", "expiry")).isEqualTo(1);
				assertThat(count(observations, "looker.replay", "outcome", "success")).isZero();
			});
	}

	@Test
	void failedLoginIsObservedWithError() {
		withLooker(FakeLooker.builder().build(), "dev").withPropertyValues("looker.client-secret=wrong-secret")
			.run((context) -> {
				LookerSessionClient client = context.getBean(LookerSessionClient.class);
				List<Observation.Context> observations = context.getBean(ObservationConfiguration.class).stopped;

				catchThrowableOfType(LookerApiException.class, () -> client.getSession().block(TIMEOUT));

				assertThat(count(observations, "looker.login", "outcome", "failure")).isEqualTo(1);
				assertThat(observations).filteredOn((observation) -> observation.getName().equals("looker.login"))
					.singleElement()
					.satisfies((observation) -> assertThat(observation.getError()).isInstanceOf(LookerApiException.class));
			});
	}

	@Test
	void productionWorkspaceIsNotReapplied() {
		withLooker(FakeLooker.builder().build(), "production").run((context) -> {
			context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT);
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);

			assertThat(registry).hasNumberOfObservationsWithNameEqualTo("looker.login", 1);
			assertThat(registry).hasNumberOfObservationsWithNameEqualTo("looker.workspace.reapply", 0);
		});
	}

	@Test
	void lookerObservationsCanBeDisabledByPrefix() {
		withLooker(FakeLooker.builder().build(), "dev").withPropertyValues("management.observations.enable.looker=false")
			.run((context) -> {
				context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT);
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);

				assertThat(registry).hasNumberOfObservationsWithNameEqualTo("looker.login", 0);
				assertThat(registry).hasNumberOfObservationsWithNameEqualTo("looker.workspace.reapply", 0);
				assertThat(registry).hasNumberOfObservationsWithNameEqualTo("http.client.requests", 3);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationConfiguration {

		final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Bean
		TestObservationRegistry observationRegistry() {
			TestObservationRegistry registry = TestObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<>() {

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

				@Override
				public void onStop(Observation.Context context) {
					ObservationConfiguration.this.stopped.add(context);
				}

			});
			return registry;
		}

	}

}
