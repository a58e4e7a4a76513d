package io.github.lookersession.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FakeLookerExtension} registered on an instance field, which runs a fake
 * for each test.
 */
class FakeLookerExtensionInstanceFieldTests {

	private static final List<FakeLooker> fakes = new CopyOnWriteArrayList<>();

	@RegisterExtension
	final FakeLookerExtension extension = new FakeLookerExtension();

	@AfterAll
	static void eachTestHadItsOwnFakeAndAllAreStopped() {
		assertThat(fakes).hasSize(2);
		assertThat(fakes.get(0)).isNotSameAs(fakes.get(1));
		assertThat(fakes).noneMatch(FakeLooker::isRunning);
	}

	@RepeatedTest(2)
	void fakeIsRunningDuringTest(FakeLooker looker) {
		fakes.add(looker);

		assertThat(looker).isSameAs(this.extension.fakeLooker());
		assertThat(looker.isRunning()).isTrue();
		assertThat(new LookerHttp(looker).login("4.0").statusCode()).isEqualTo(200);
	}

}
