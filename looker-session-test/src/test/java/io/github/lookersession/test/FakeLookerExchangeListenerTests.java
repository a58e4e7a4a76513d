package io.github.lookersession.test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the exchange listeners of {@link FakeLooker}.
 */
class FakeLookerExchangeListenerTests {

	@RegisterExtension
	static final FakeLookerExtension extension = new FakeLookerExtension();

	private final FakeLooker looker = extension.fakeLooker();

	private final LookerHttp http = new LookerHttp(this.looker);

	private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

	private final Consumer<RecordedExchange> listener = this.exchanges::add;

	@BeforeEach
	void addListener() {
		this.looker.addExchangeListener(this.listener);
	}

	@AfterEach
	void removeListener() {
		this.looker.removeExchangeListener(this.listener);
	}

	@Test
	void listenerReceivesLoginRequestAndResponse() {
		this.http.login("3.1");

		assertThat(this.exchanges).hasSize(1);
		RecordedExchange login = this.exchanges.get(0);
		assertThat(login.method()).isEqualTo("POST");
		assertThat(login.uri()).isEqualTo("/api/3.1/login");
		assertThat(login.path()).isEqualTo("/api/3.1/login");
		assertThat(login.apiVersion()).isEqualTo("3.1");
		assertThat(login.requestHeader("content-type")).isEqualTo(LookerHttp.FORM);
		assertThat(login.requestBody()).isEqualTo(LookerHttp.form(FakeLooker.DEFAULT_CLIENT_ID,
				FakeLooker.DEFAULT_CLIENT_SECRET));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.responseHeader("CONTENT-TYPE")).isEqualTo("application/json");
		assertThat(login.responseBody()).contains("\"access_token\"").doesNotContain("refresh_token");
		assertThat(login.faultInjected()).isFalse();
	}

	@Test
	void listenerReceivesQueryAndAuthorization() {
		String token = this.http.loginToken("4.0");
		this.exchanges.clear();

		this.http.send("GET", "/api/4.0/session?fields=workspace_id", LookerHttp.authorization(token), null, "");

		RecordedExchange session = this.exchanges.get(0);
		assertThat(session.uri()).isEqualTo("/api/4.0/session?fields=workspace_id");
		assertThat(session.path()).isEqualTo("/api/4.0/session");
		assertThat(session.requestHeader("Authorization")).isEqualTo("token " + token);
		assertThat(session.responseBody()).contains("\"workspace_id\":\"production\"");
	}

	@Test
	void listenerReceivesEmptyLogoutResponse() {
		String token = this.http.loginToken("4.0");

		this.http.logout("4.0", token);

		RecordedExchange logout = this.exchanges.get(1);
		assertThat(logout.status()).isEqualTo(204);
		assertThat(logout.responseBody()).isEmpty();
		assertThat(logout.responseHeaders()).isEmpty();
	}

	@Test
	void listenerReceivesFaultWithItsHeaders() {
		this.looker.injectFault("POST /login", Fault.tooManyRequests(Duration.ofSeconds(2)), 1);

		this.http.login("4.0");

		RecordedExchange login = this.exchanges.get(0);
		assertThat(login.status()).isEqualTo(429);
		assertThat(login.faultInjected()).isTrue();
		assertThat(login.responseHeader("Retry-After")).isEqualTo("2");
		assertThat(login.responseHeader("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void listenerReceivesConnectionResetWithoutStatus() {
		this.looker.injectFault("POST /login", Fault.connectionReset(), 1);

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.http.login("4.0"));

		assertThat(this.exchanges).singleElement().satisfies((exchange) -> {
			assertThat(exchange.status()).isZero();
			assertThat(exchange.faultInjected()).isTrue();
		});
	}

	@Test
	void failingListenerDoesNotStopResponse() {
		this.looker.addExchangeListener((exchange) -> {
			throw new IllegalStateException("listener failure for the test");
		});

		assertThat(this.http.login("4.0").statusCode()).isEqualTo(200);
		assertThat(this.exchanges).hasSize(1);
	}

	@Test
	void removedListenerReceivesNothing() {
		this.looker.removeExchangeListener(this.listener);

		this.http.login("4.0");

		assertThat(this.exchanges).isEmpty();
	}

}
