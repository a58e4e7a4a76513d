package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Description of the machine and JVM that ran the benchmarks.
 *
 * @param cpu the processor model from {@code /proc/cpuinfo}, or {@code unknown}
 * @param cores the processors available to the JVM
 * @param memoryBytes the physical memory
 * @param jvm the JVM name, vendor and version
 * @param os the operating system name, version and architecture
 * @param loadAverage the one-minute system load average when the description was taken,
 * or a negative value where the system does not report it
 */
record MachineInfo(String cpu, int cores, long memoryBytes, String jvm, String os, double loadAverage) {

	static MachineInfo current() {
		com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
				+ System.getProperty("java.vm.vendor") + ")";
		String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch");
		return new MachineInfo(cpuModel().orElse("unknown"), Runtime.getRuntime().availableProcessors(),
				system.getTotalMemorySize(), jvm, os, system.getSystemLoadAverage());
	}

	String memory() {
		return String.format(Locale.ROOT, "%.1f GiB", this.memoryBytes / (1024.0 * 1024 * 1024));
	}

	String load() {
		return (this.loadAverage >= 0) ? String.format(Locale.ROOT, "%.2f", this.loadAverage) : "not reported";
	}

	private static Optional<String> cpuModel() {
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (!Files.isReadable(cpuinfo)) {
			return Optional.empty();
		}
		try {
			return Files.readAllLines(cpuinfo)
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
