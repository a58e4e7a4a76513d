package io.github.lookersession.test;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FakeLookerExtension} registered with {@code @ExtendWith}.
 */
@ExtendWith(FakeLookerExtension.class)
class FakeLookerExtensionTests {

	private static FakeLooker lookerBeforeAll;

	@BeforeAll
	static void captureLooker(FakeLooker looker) {
		lookerBeforeAll = looker;
	}

	@Test
	void fakeIsRunningBeforeAllTests() {
		assertThat(lookerBeforeAll.isRunning()).isTrue();
	}

	@Test
	void parameterIsResolvedToSameFake(FakeLooker looker) {
		assertThat(looker).isSameAs(lookerBeforeAll);
	}

	@Test
	void fakeHasDefaultConfiguration(FakeLooker looker) {
		LookerHttp http = new LookerHttp(looker);

		assertThat(LookerHttp.json(http.login("4.0")).get("expires_in").asLong())
			.isEqualTo(FakeLooker.DEFAULT_TOKEN_LIFETIME.toSeconds());
		assertThat(looker.baseUrl()).isEqualTo("http://127.0.0.1:" + looker.port());
	}

	@Test
	void journalIsEmptyAtStartOfEachTest(FakeLooker looker) {
		assertThat(looker.journal()).isEmpty();

		new LookerHttp(looker).login("4.0");
	}

	@Test
	void faultsAndLatencyAreClearedBeforeEachTest(FakeLooker looker) {
		assertThat(new LookerHttp(looker).login("4.0").statusCode()).isEqualTo(200);
		assertThat(Duration.between(looker.journal().get(0).arrivedAt(), looker.journal().get(0).completedAt()))
			.isLessThan(Duration.ofSeconds(1));

		looker.injectFault("*", Fault.emptyResponse(503));
		looker.setLatency(Duration.ofSeconds(1));
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassSharesFake(FakeLooker looker) {
			assertThat(looker).isSameAs(lookerBeforeAll);
			assertThat(looker.isRunning()).isTrue();
		}

	}

}
