package io.github.lookersession.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Handle of a {@link FakeLookerProcess} child JVM: starts it, sends its commands and
 * stops it.
 */
final class FakeLookerControl implements AutoCloseable {

	private static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx2g");

	private final Process process;

	private final BufferedReader output;

	private final PrintWriter input;

	private final String baseUrl;

	private FakeLookerControl(Process process) throws IOException {
		this.process = process;
		this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.input = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
		String ready = readLine();
		if (!ready.startsWith("ready ")) {
			process.destroyForcibly();
			throw new IOException("Fake Looker process did not start: expected 'ready <base-url>' but read '" + ready
					+ "'");
		}
		this.baseUrl = ready.substring("ready ".length());
	}

	/**
	 * Starts a fake Looker in a child JVM.
	 * @param tokenLifetime the lifetime of every token that the fake issues
	 * @return the handle
	 * @throws IOException if the process cannot be started or did not report ready
	 */
	static FakeLookerControl start(Duration tokenLifetime) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(
				ChildJvm.command(FakeLookerProcess.class, JVM_OPTIONS, tokenLifetime.toString()))
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		return new FakeLookerControl(builder.start());
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Returns the fake's counters and journal figures.
	 * @param desiredWorkspace the workspace that API requests should have been served in
	 * @return the figures by name, such as {@code logins} and {@code outsideWorkspace}
	 */
	FakeLookerStats stats(String desiredWorkspace) throws IOException {
		String line = command("stats " + desiredWorkspace);
		Map<String, Long> values = new LinkedHashMap<>();
		for (String pair : line.split(" ")) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new IOException("Fake Looker process sent an invalid stats line: '" + line + "'");
			}
			values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
		}
		return new FakeLookerStats(values);
	}

	void reset() throws IOException {
		expectOk(command("reset"));
	}

	void revokeAllTokens() throws IOException {
		expectOk(command("revoke"));
	}

	@Override
	public void close() throws IOException {
		try {
			if (this.process.isAlive()) {
				this.input.println("stop");
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		finally {
			this.input.close();
			this.output.close();
		}
	}

	private String command(String command) throws IOException {
		this.input.println(command);
		return readLine();
	}

	private String readLine() throws IOException {
		String line = this.output.readLine();
		if (line == null) {
			throw new IOException("Fake Looker process ended unexpectedly (exit code "
					+ (this.process.isAlive() ? "unknown" : this.process.exitValue()) + ")");
		}
		return line;
	}

	private static void expectOk(String response) throws IOException {
		if (!response.equals("ok")) {
			throw new IOException("Fake Looker process returned '" + response + "' instead of 'ok'");
		}
	}

	/**
	 * Counters and journal figures of the fake.
	 *
	 * @param values the figures by name
	 */
	record FakeLookerStats(Map<String, Long> values) {

		long get(String name) {
			Long value = this.values.get(name);
			if (value == null) {
				throw new IllegalArgumentException("No figure '" + name + "' in " + this.values.keySet());
			}
			return value;
		}

		long loginAttempts() {
			return get("loginAttempts");
		}

		long sessionPatches() {
			return get("sessionPatches");
		}

		long outsideWorkspace() {
			return get("outsideWorkspace");
		}

		long requests() {
			return get("requests");
		}

	}

}
