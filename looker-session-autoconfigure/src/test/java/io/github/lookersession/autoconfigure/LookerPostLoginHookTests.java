package io.github.lookersession.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerPostLoginHook;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for user-defined {@link LookerPostLoginHook} beans and the logout on shutdown,
 * with the auto-configuration against the fake Looker.
 */
class LookerPostLoginHookTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				LookerSessionAutoConfiguration.class));

	private FakeLooker looker;

	@BeforeEach
	void startLooker() {
		this.looker = FakeLooker.builder().build();
		this.looker.start();
	}

	@AfterEach
	void stopLooker() {
		this.looker.stop();
	}

	private ApplicationContextRunner withLooker() {
		return this.contextRunner.withPropertyValues(this.looker.propertyValues())
			.withPropertyValues("looker.workspace=dev");
	}

	@Test
	void userHooksRunInOrderOncePerLoginAfterWorkspaceHook() {
		withLooker().withUserConfiguration(OrderedHooksConfiguration.class).run((context) -> {
			LookerSessionClient client = context.getBean(LookerSessionClient.class);
			List<String> calls = context.getBean(OrderedHooksConfiguration.class).calls;

			client.getSession().block(TIMEOUT);
			client.getSession().block(TIMEOUT);
			this.looker.expireAllTokens();
			client.getSession().block(TIMEOUT);

			assertThat(calls).containsExactly("first in dev", "second in dev", "first in dev", "second in dev");
			assertThat(this.looker.loginCount()).isEqualTo(2);
		});
	}

	@Test
	void workspaceHookOrderIsFirstByDefault() {
		withLooker().run((context) -> assertThat(context.getBeanProvider(LookerPostLoginHook.class)
			.orderedStream()
			.findFirst()
			.map(LookerPostLoginHook.class::cast)).get()
			.isInstanceOf(io.github.lookersession.token.WorkspacePostLoginHook.class));
	}

	@Test
	void failingUserHookFailsLoginAndRevokesToken() {
		withLooker().withUserConfiguration(FailingHookConfiguration.class).run((context) -> {
			LookerSessionClient client = context.getBean(LookerSessionClient.class);

			LookerApiException ex = catchThrowableOfType(LookerApiException.class,
					() -> client.getSession().block(TIMEOUT));

			assertThat(ex.getMessage()).contains("post-login hook").contains("branch checkout failed");
			assertThat(this.looker.logoutCount()).isEqualTo(1);
			assertThat(this.looker.journal()).extracting(JournalEntry::endpoint)
				.containsExactly("POST /login", "PATCH /session", "DELETE /logout");

			catchThrowableOfType(LookerApiException.class, () -> client.getSession().block(TIMEOUT));
			assertThat(this.looker.loginAttemptCount()).isEqualTo(2);
		});
	}

	@Test
	void shutdownLogsOutCurrentTokenOnce() {
		withLooker().run((context) -> context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT));

		assertThat(this.looker.logoutCount()).isEqualTo(1);
		List<JournalEntry> journal = this.looker.journal();
		JournalEntry lastGet = journal.stream()
			.filter((entry) -> entry.endpoint().equals("GET /session"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(journal).filteredOn((entry) -> entry.endpoint().equals("DELETE /logout"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.sessionId()).isEqualTo(lastGet.sessionId()))
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo(204));
	}

	@Test
	void shutdownWithoutLoginSendsNothing() {
		withLooker().run((context) -> assertThat(context).hasSingleBean(LookerSessionClient.class));

		assertThat(this.looker.journal()).isEmpty();
	}

	@Test
	void shutdownFailureIsNotThrown() {
		withLooker().run((context) -> {
			context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT);
			this.looker.stop();
		});

		assertThat(this.looker.isRunning()).isFalse();
	}

	@Test
	void shutdownLogoutCanBeDisabled() {
		withLooker().withPropertyValues("looker.logout-on-shutdown=false")
			.run((context) -> context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT));

		assertThat(this.looker.logoutCount()).isZero();
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedHooksConfiguration {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Order(20)
		LookerPostLoginHook secondHook() {
			return (context) -> record(context, "second");
		}

		@Bean
		@Order(10)
		LookerPostLoginHook firstHook() {
			return (context) -> record(context, "first");
		}

		private Mono<Void> record(io.github.lookersession.LookerPostLoginContext context, String name) {
			return context.webClient()
				.get()
				.uri("/session")
				.retrieve()
				.bodyToMono(ApiSession.class)
				.doOnNext((session) -> this.calls.add(name + " in " + session.workspaceId()))
				.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingHookConfiguration {

		@Bean
		LookerPostLoginHook failingHook() {
			return (context) -> Mono.error(new IllegalStateException("branch checkout failed"));
		}

	}

}
