package io.github.lookersession.benchmarks;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the classpath filter of {@link StartupBenchmark}.
 */
class StartupBenchmarkTests {

	@Test
	void classpathFilterRemovesStarterJars() {
		assertThat(StartupBenchmark.isNotStarter(Path.of("/repo/looker-session-autoconfigure-0.1.0-SNAPSHOT.jar")))
			.isFalse();
		assertThat(StartupBenchmark.isNotStarter(Path.of("/repo/looker-session-starter-0.1.0-SNAPSHOT.jar"))).isFalse();
	}

	@Test
	void classpathFilterRemovesStarterClassFolders() {
		assertThat(StartupBenchmark.isNotStarter(Path.of("/repo/looker-session-autoconfigure/target/classes")))
			.isFalse();
		assertThat(StartupBenchmark.isNotStarter(Path.of("/repo/looker-session-starter/target/classes"))).isFalse();
	}

	@Test
	void classpathFilterKeepsOtherEntries() {
		assertThat(StartupBenchmark.isNotStarter(Path.of("/repo/looker-session-test/target/classes"))).isTrue();
		assertThat(StartupBenchmark.isNotStarter(Path.of("/repo/benchmarks/target/classes"))).isTrue();
		assertThat(StartupBenchmark.isNotStarter(Path.of("/m2/spring-boot-4.0.7.jar"))).isTrue();
		assertThat(StartupBenchmark.isNotStarter(Path.of("/m2/looker-session-test-0.1.0-SNAPSHOT.jar"))).isTrue();
	}

}
