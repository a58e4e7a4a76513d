package io.github.lookersession.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.lookersession.test.FakeLooker;
import io.github.lookersession.test.JournalEntry;

/**
 * Main class of the child JVM that runs a {@link FakeLooker} for the load benchmarks, so
 * that the fake's garbage and threads stay out of the measuring JVM.
 *
 * <p>
 * Usage: {@code FakeLookerProcess <token-lifetime>}, such as {@code PT5S}. The process
 * prints {@code ready <base-url>} on standard output, then reads one command a line from
 * standard input and writes one line in response to each:
 * <ul>
 * <li>{@code stats <workspace>}: the counters and journal figures as
 * {@code key=value} pairs, where {@code outsideWorkspace} counts the requests other than
 * login, logout and {@code PATCH /session} that got a 2xx response from a session outside
 * the given workspace, and {@code failedResponses} counts every response of 400 or
 * above;</li>
 * <li>{@code reset}: clears the journal and counters;</li>
 * <li>{@code revoke}: revokes every token issued so far;</li>
 * <li>{@code stop}: stops the fake and exits.</li>
 * </ul>
 * The end of standard input also stops it, so the fake never outlives the benchmark.
 * Logs go to standard error.
 */
public final class FakeLookerProcess {

	private FakeLookerProcess() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("Usage: FakeLookerProcess <token-lifetime as an ISO-8601 duration, such as PT5S>");
			System.exit(2);
		}
		Duration tokenLifetime = Duration.parse(args[0]);
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		try (FakeLooker looker = FakeLooker.builder().tokenLifetime(tokenLifetime).build()) {
			looker.start();
			out.println("ready " + looker.baseUrl());
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = in.readLine()) != null) {
				String[] command = line.trim().split(" ");
				switch (command[0]) {
					case "stats" -> out.println(stats(looker, command[1]));
					case "reset" -> {
						looker.reset();
						out.println("ok");
					}
					case "revoke" -> {
						looker.revokeAllTokens();
						out.println("ok");
					}
					case "stop" -> {
						out.println("ok");
						return;
					}
					default -> out.println("error unknown command '" + command[0] + "'");
				}
			}
		}
	}

	private static String stats(FakeLooker looker, String workspace) {
		List<JournalEntry> journal = looker.journal();
		long outsideWorkspace = journal.stream()
			.filter(FakeLookerProcess::isApiRequest)
			.filter((entry) -> entry.status() >= 200 && entry.status() < 300)
			.filter((entry) -> !workspace.equals(entry.workspace()))
			.count();
		long failedResponses = journal.stream().filter((entry) -> entry.status() >= 400).count();
		return "loginAttempts=" + looker.loginAttemptCount() + " logins=" + looker.loginCount() + " sessionPatches="
				+ looker.sessionPatchCount() + " unauthorized=" + looker.unauthorizedCount() + " logouts="
				+ looker.logoutCount() + " requests=" + journal.size() + " outsideWorkspace=" + outsideWorkspace
				+ " failedResponses=" + failedResponses;
	}

	/**
	 * Returns whether a request is one that the client sends only after the post-login
	 * hooks have set up the session.
	 */
	private static boolean isApiRequest(JournalEntry entry) {
		String endpoint = entry.endpoint();
		return !endpoint.startsWith("POST /login") && !endpoint.equals("DELETE /logout")
				&& !endpoint.equals("PATCH /session");
	}

}
