package io.github.lookersession.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the example test in the repository's {@code README.md} is the same text as
 * {@link WorkspaceProbeTests}, so the README shows code that compiles and passes.
 */
class ReadmeExampleTests {

	private static final String EXAMPLE_PATH = "samples/looker-session-sample/src/test/java/"
			+ "io/github/lookersession/sample/WorkspaceProbeTests.java";

	// Maven Surefire runs tests in the module directory.
	private static final Path REPOSITORY_ROOT = Path.of("../..");

	@Test
	void readmeShowsWorkspaceProbeTestsUnchanged() throws IOException {
		String readme = read(REPOSITORY_ROOT.resolve("README.md"));
		String example = read(REPOSITORY_ROOT.resolve(EXAMPLE_PATH));

		assertThat(codeBlockAfter(readme, EXAMPLE_PATH)).isEqualTo(example);
	}

	private static String read(Path path) throws IOException {
		return Files.readString(path).replace("\r\n", "\n");
	}

	/**
	 * Returns the content of the first fenced code block after the line that names the
	 * example's path, which README.md keeps in an HTML comment.
	 */
	private static String codeBlockAfter(String readme, String marker) {
		int markerIndex = readme.indexOf(marker);
		assertThat(markerIndex).as("README.md has no comment that names %s", marker).isNotNegative();
		int fenceStart = readme.indexOf("\n```java\n", markerIndex);
		assertThat(fenceStart).as("README.md has no java code block after %s", marker).isNotNegative();
		int contentStart = fenceStart + "\n```java\n".length();
		int contentEnd = readme.indexOf("\n```\n", contentStart);
		assertThat(contentEnd).as("README.md does not close the code block after %s", marker).isNotNegative();
		return readme.substring(contentStart, contentEnd + 1);
	}

}
