package io.github.lookersession.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Command lines for child JVMs that run a main class of this module with the classpath of
 * the current JVM.
 */
final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * Returns the command that runs a main class with the current classpath.
	 * @param mainClass the class to run
	 * @param jvmOptions options such as {@code -Xmx1g}
	 * @param arguments the program arguments
	 * @return the command line
	 */
	static List<String> command(Class<?> mainClass, List<String> jvmOptions, String... arguments) {
		return command(mainClass, jvmOptions, (entry) -> true, arguments);
	}

	/**
	 * Returns the command that runs a main class with the classpath entries of the
	 * current JVM that the filter accepts.
	 * @param mainClass the class to run
	 * @param jvmOptions options such as {@code -Xmx1g}
	 * @param classpathFilter the entries to keep
	 * @param arguments the program arguments
	 * @return the command line
	 */
	static List<String> command(Class<?> mainClass, List<String> jvmOptions, Predicate<Path> classpathFilter,
			String... arguments) {
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.filter((entry) -> classpathFilter.test(Path.of(entry)))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-classpath");
		command.add(classpath);
		command.add(mainClass.getName());
		command.addAll(List.of(arguments));
		return command;
	}

}
