package io.github.lookersession.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.LookerWebClientCustomizer;
import io.github.lookersession.token.DesiredWorkspace;
import io.github.lookersession.token.LookerLoginClient;
import io.github.lookersession.token.LookerTokenManager;
import io.github.lookersession.token.WorkspacePostLoginHook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LookerSessionAutoConfiguration}.
 */
class LookerSessionAutoConfigurationTests {

	static final String SECRET = "autoconfig-secret-5e884898da28";

	@RegisterExtension
	static WireMockExtension looker = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				LookerSessionAutoConfiguration.class));

	private ApplicationContextRunner withMinimalProperties() {
		return this.contextRunner.withPropertyValues("looker.base-url=https://example.cloud.looker.com",
				"looker.client-id=autoconfig-client", "looker.client-secret=" + SECRET);
	}

	@Test
	void shouldCreateBeansWithMinimalProperties() {
		withMinimalProperties().run((context) -> {
			assertThat(context).hasSingleBean(LookerSessionClient.class);
			assertThat(context).hasSingleBean(LookerTokenManager.class);
			assertThat(context).hasSingleBean(DesiredWorkspace.class);
			assertThat(context).hasSingleBean(WorkspacePostLoginHook.class);
			assertThat(context).hasSingleBean(LookerLogoutOnShutdown.class);
		});
	}

	@Test
	void shouldUseProductionWorkspaceByDefault() {
		withMinimalProperties().run((context) -> assertThat(context.getBean(LookerSessionClient.class)
			.getDesiredWorkspace()).isEqualTo("production"));
	}

	@Test
	void shouldBindWorkspaceProperty() {
		withMinimalProperties().withPropertyValues("looker.workspace=dev")
			.run((context) -> assertThat(context.getBean(LookerSessionClient.class).getDesiredWorkspace())
				.isEqualTo("dev"));
	}

	@Test
	void shouldBindAllProperties() {
		withMinimalProperties()
			.withPropertyValues("looker.api-version=3.1", "looker.workspace=dev", "looker.reapply-workspace=true",
					"looker.token-refresh-margin=30s", "looker.logout-on-shutdown=false",
					"looker.allow-insecure-http=true")
			.run((context) -> {
				LookerProperties properties = context.getBean(LookerProperties.class);
				assertThat(properties.getApiVersion()).isEqualTo("3.1");
				assertThat(properties.getWorkspace()).isEqualTo("dev");
				assertThat(properties.isReapplyWorkspace()).isTrue();
				assertThat(properties.getTokenRefreshMargin()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.isLogoutOnShutdown()).isFalse();
				assertThat(properties.isAllowInsecureHttp()).isTrue();
			});
	}

	@Test
	void shouldCreateNothingWhenDisabled() {
		withMinimalProperties().withPropertyValues("looker.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LookerSessionClient.class);
			assertThat(context).doesNotHaveBean(LookerTokenManager.class);
			assertThat(context).doesNotHaveBean(LookerProperties.class);
		});
	}

	@Test
	void shouldNotRequirePropertiesWhenDisabled() {
		this.contextRunner.withPropertyValues("looker.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void shouldCreateNothingWithoutWebClient() {
		withMinimalProperties().withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LookerSessionClient.class));
	}

	@Test
	void shouldOmitWorkspaceHookWhenReapplyIsDisabled() {
		withMinimalProperties().withPropertyValues("looker.reapply-workspace=false").run((context) -> {
			assertThat(context).doesNotHaveBean(WorkspacePostLoginHook.class);
			assertThat(context).hasSingleBean(LookerSessionClient.class);
		});
	}

	@Test
	void shouldOmitLogoutOnShutdownWhenDisabled() {
		withMinimalProperties().withPropertyValues("looker.logout-on-shutdown=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LookerLogoutOnShutdown.class));
	}

	@Test
	void shouldBackOffWhenUserDefinesClient() {
		withMinimalProperties().withUserConfiguration(UserClientConfiguration.class)
			.run((context) -> assertThat(context.getBean(LookerSessionClient.class))
				.isSameAs(context.getBean(UserClientConfiguration.class).client));
	}

	@Test
	void shouldBackOffWhenUserDefinesTokenManager() {
		withMinimalProperties().withUserConfiguration(UserTokenManagerConfiguration.class)
			.run((context) -> assertThat(context).getBean(LookerTokenManager.class)
				.isSameAs(context.getBean(UserTokenManagerConfiguration.class).tokenManager));
	}

	@Test
	void shouldBackOffWhenUserDefinesDesiredWorkspace() {
		withMinimalProperties().withUserConfiguration(UserDesiredWorkspaceConfiguration.class)
			.run((context) -> assertThat(context.getBean(LookerSessionClient.class).getDesiredWorkspace())
				.isEqualTo("dev"));
	}

	@Test
	void shouldBackOffWhenUserDefinesWorkspaceHook() {
		withMinimalProperties().withUserConfiguration(UserWorkspaceHookConfiguration.class)
			.run((context) -> assertThat(context).getBean(WorkspacePostLoginHook.class)
				.isSameAs(context.getBean(UserWorkspaceHookConfiguration.class).hook));
	}

	@Test
	void shouldFailWithAnalysisWhenBaseUrlIsMissing() {
		this.contextRunner.withPropertyValues("looker.client-id=autoconfig-client", "looker.client-secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("looker.base-url is not set");
				assertThat(analysis.getAction()).contains("Set looker.base-url");
				assertThat(analysis.getAction()).contains("looker.enabled=false");
			});
	}

	@Test
	void shouldFailWithAnalysisWhenClientIdIsMissing() {
		this.contextRunner.withPropertyValues("looker.base-url=https://example.cloud.looker.com",
				"looker.client-secret=" + SECRET)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("looker.client-id is not set");
				assertThat(analysis.getAction()).contains("LOOKER_CLIENT_ID");
			});
	}

	@Test
	void shouldFailWithAnalysisWhenClientSecretIsBlank() {
		this.contextRunner
			.withPropertyValues("looker.base-url=https://example.cloud.looker.com",
					"looker.client-id=autoconfig-client", "looker.client-secret= ")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("looker.client-secret is not set");
				assertThat(analysis.getAction()).contains("LOOKER_CLIENT_SECRET");
			});
	}

	@Test
	void shouldNotEchoSecretInFailureAnalysis() {
		withMinimalProperties().withPropertyValues("looker.base-url=ftp://example.cloud.looker.com")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("ftp://example.cloud.looker.com");
				assertThat(analysis.getDescription()).doesNotContain(SECRET);
				assertThat(analysis.getAction()).doesNotContain(SECRET);
				assertThat(context.getStartupFailure()).hasStackTraceContaining("looker.base-url");
				assertThat(stackTraceOf(context.getStartupFailure())).doesNotContain(SECRET);
			});
	}

	@Test
	void shouldApplyBootWebClientCustomizersToLookerCalls() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(okJson(
				"{\"access_token\":\"customizer-token-0001\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("looker.base-url=" + looker.baseUrl(), "looker.client-id=autoconfig-client",
					"looker.client-secret=" + SECRET)
			.run((context) -> {
				context.getBean(LookerSessionClient.class).getSession().block(Duration.ofSeconds(10));
				looker.verify(postRequestedFor(urlEqualTo("/api/4.0/login")).withHeader("X-Customized",
						equalTo("yes")));
				looker.verify(WireMock.getRequestedFor(urlEqualTo("/api/4.0/session"))
					.withHeader("X-Customized", equalTo("yes")));
			});
	}

	@Test
	void shouldApplyLookerCustomizersOnlyToLookerClient() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(okJson(
				"{\"access_token\":\"customizer-token-0002\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));
		looker.stubFor(get("/other").willReturn(okJson("{}")));
		this.contextRunner.withUserConfiguration(LookerCustomizerConfiguration.class)
			.withPropertyValues("looker.base-url=" + looker.baseUrl(), "looker.client-id=autoconfig-client",
					"looker.client-secret=" + SECRET)
			.run((context) -> {
				context.getBean(LookerSessionClient.class).getSession().block(Duration.ofSeconds(10));
				context.getBean(WebClient.Builder.class)
					.build()
					.get()
					.uri(looker.baseUrl() + "/other")
					.retrieve()
					.toBodilessEntity()
					.block(Duration.ofSeconds(10));

				looker.verify(postRequestedFor(urlEqualTo("/api/4.0/login")).withHeader("X-Looker-Only",
						equalTo("yes")));
				looker.verify(WireMock.getRequestedFor(urlEqualTo("/api/4.0/session"))
					.withHeader("X-Looker-Only", equalTo("yes")));
				looker.verify(WireMock.getRequestedFor(urlEqualTo("/other")).withoutHeader("X-Looker-Only"));
			});
	}

	@Test
	void shouldApplyLookerCustomizersInOrder() {
		withMinimalProperties().withUserConfiguration(LookerCustomizerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(LookerSessionClient.class);
			assertThat(context.getBean(LookerCustomizerConfiguration.class).calls).containsExactly("first",
					"second");
		});
	}

	@Test
	void shouldLogOutOnShutdown() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(okJson(
				"{\"access_token\":\"shutdown-token-0001\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));
		looker.stubFor(WireMock.delete("/api/4.0/logout").willReturn(WireMock.aResponse().withStatus(204)));
		this.contextRunner
			.withPropertyValues("looker.base-url=" + looker.baseUrl(), "looker.client-id=autoconfig-client",
					"looker.client-secret=" + SECRET)
			.run((context) -> context.getBean(LookerSessionClient.class).getSession().block(Duration.ofSeconds(10)));

		looker.verify(1, WireMock.deleteRequestedFor(urlEqualTo("/api/4.0/logout"))
			.withHeader("Authorization", equalTo("token shutdown-token-0001")));
	}

	@Test
	void shouldNotLogOutOnShutdownWithoutLogin() {
		this.contextRunner
			.withPropertyValues("looker.base-url=" + looker.baseUrl(), "looker.client-id=autoconfig-client",
					"looker.client-secret=" + SECRET)
			.run((context) -> assertThat(context).hasSingleBean(LookerSessionClient.class));

		looker.verify(0, WireMock.deleteRequestedFor(urlEqualTo("/api/4.0/logout")));
		looker.verify(0, postRequestedFor(urlEqualTo("/api/4.0/login")));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new InvalidLookerPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	private static String stackTraceOf(Throwable failure) {
		java.io.StringWriter writer = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(writer));
		return writer.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		final LookerSessionClient client = new LookerSessionClient(WebClient.builder(),
				new LookerTokenManager(new LookerLoginClient(WebClient.create(), "user-id", "user-secret"),
						new DesiredWorkspace("production"), java.util.List::of, Duration.ZERO));

		@Bean
		LookerSessionClient userLookerSessionClient() {
			return this.client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTokenManagerConfiguration {

		final LookerTokenManager tokenManager = new LookerTokenManager(
				new LookerLoginClient(WebClient.create(), "user-id", "user-secret"), new DesiredWorkspace("dev"),
				java.util.List::of, Duration.ZERO);

		@Bean
		LookerTokenManager userLookerTokenManager() {
			return this.tokenManager;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserDesiredWorkspaceConfiguration {

		@Bean
		DesiredWorkspace userDesiredWorkspace() {
			return new DesiredWorkspace("dev");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserWorkspaceHookConfiguration {

		final WorkspacePostLoginHook hook = new WorkspacePostLoginHook(new DesiredWorkspace("dev"));

		@Bean
		WorkspacePostLoginHook userWorkspaceHook() {
			return this.hook;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LookerCustomizerConfiguration {

		final java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Bean
		@org.springframework.core.annotation.Order(2)
		LookerWebClientCustomizer secondCustomizer() {
			return (builder) -> this.calls.add("second");
		}

		@Bean
		@org.springframework.core.annotation.Order(1)
		LookerWebClientCustomizer firstCustomizer() {
			return (builder) -> {
				this.calls.add("first");
				builder.defaultHeader("X-Looker-Only", "yes");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		WebClientCustomizer headerCustomizer() {
			return (builder) -> builder.defaultHeader("X-Customized", "yes");
		}

	}

}
