package io.github.lookersession.autoconfigure;

import java.io.IOException;
import java.time.Duration;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerSessionClient;
import io.github.lookersession.NoSecretsInLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for TLS against a loopback HTTPS server with a self-signed certificate.
 */
@ExtendWith(OutputCaptureExtension.class)
class LookerTlsTests {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static WireMockExtension looker = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options()
			.httpDisabled(true)
			.dynamicHttpsPort()
			.bindAddress("127.0.0.1")
			.keystorePath(keystorePath())
			.keystorePassword("changeit")
			.keyManagerPassword("changeit")
			.keystoreType("PKCS12"))
		.build();

	@RegisterExtension
	NoSecretsInLogs noSecrets = new NoSecretsInLogs(
			() -> java.util.List.of("tls-secret-1b4f0e9851971998", "tls-token-9b74c9897bac770f"));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class, LookerSessionAutoConfiguration.class))
		.withPropertyValues("looker.base-url=https://127.0.0.1:" + looker.getHttpsPort(),
				"looker.client-id=tls-client", "looker.client-secret=tls-secret-1b4f0e9851971998",
				"looker.retry.initial-backoff=50ms", "looker.retry.max-backoff=200ms",
				"spring.ssl.bundle.pem.looker-ca.truststore.certificate=classpath:tls/looker-test-ca.crt");

	private static String keystorePath() {
		try {
			return new ClassPathResource("tls/looker-test-server.p12").getFile().getAbsolutePath();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Test keystore not found", ex);
		}
	}

	@BeforeEach
	void stubLooker() {
		looker.stubFor(post(urlEqualTo("/api/4.0/login")).willReturn(
				okJson("{\"access_token\":\"tls-token-9b74c9897bac770f\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		looker.stubFor(get("/api/4.0/session").willReturn(okJson("{\"workspace_id\":\"production\"}")));
	}

	@Test
	void untrustedCertificateFailsFastWithoutRetry(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			LookerSessionClient client = context.getBean(LookerSessionClient.class);

			long start = System.nanoTime();
			LookerApiException ex = catchThrowableOfType(LookerApiException.class,
					() -> client.getSession().block(TIMEOUT));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

			assertThat(ex.getMessage()).contains("POST /api/4.0/login failed TLS").contains("looker.ssl.bundle");
			assertThat(ex).hasStackTraceContaining("SSLHandshakeException");
			assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
			assertThat(output).doesNotContain("Retrying Looker request");
			assertThat(looker.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void sslBundleTrustsPrivateCertificate() {
		this.contextRunner.withPropertyValues("looker.ssl.bundle=looker-ca").run((context) -> {
			ApiSession session = context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT);

			assertThat(session.workspaceId()).isEqualTo("production");
		});
	}

	@Test
	void sslBundleDoesNotChangeOtherWebClients() {
		this.contextRunner.withPropertyValues("looker.ssl.bundle=looker-ca").run((context) -> {
			context.getBean(LookerSessionClient.class).getSession().block(TIMEOUT);
			WebClient other = context.getBean(WebClient.Builder.class).build();

			Throwable failure = catchThrowable(() -> other.get()
				.uri("https://127.0.0.1:" + looker.getHttpsPort() + "/api/4.0/session")
				.retrieve()
				.bodyToMono(String.class)
				.block(TIMEOUT));

			assertThat(failure).hasStackTraceContaining("SSLHandshakeException");
		});
	}

}
