package io.github.lookersession.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.lookersession.ApiSession;
import io.github.lookersession.benchmarks.BenchmarkClients.SessionClient;
import io.github.lookersession.benchmarks.FakeLookerControl.FakeLookerStats;
import io.github.lookersession.benchmarks.LoadGenerator.LoadResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Revocation storm: closed-loop callers of {@code getSession()} run while the fake
 * revokes every token, as an administrator or a Looker restart would. Every caller that
 * gets a 401 should wait for the same single new login and replay its call once.
 */
final class RevocationBenchmark {

	private static final Log logger = LogFactory.getLog(RevocationBenchmark.class);

	private RevocationBenchmark() {
	}

	static void run(BenchmarkSettings settings, FakeLookerControl looker, BenchmarkReport report)
			throws IOException {
		SessionClient session = new BenchmarkClients(looker.baseUrl()).createSessionClient(ApiSession.DEV_WORKSPACE,
				Duration.ofSeconds(60));
		session.client().getSession().block(Duration.ofSeconds(30));
		int callers = settings.revocationCallers();
		logger.info("Revocation storm with " + callers + " callers, " + settings.revocationRounds() + " rounds");

		List<Long> relogins = new ArrayList<>();
		List<Long> unauthorized = new ArrayList<>();
		long errors = 0;
		for (int round = 0; round < settings.revocationRounds(); round++) {
			looker.reset();
			CompletableFuture<Void> revocation = Mono.delay(settings.revokeAfter(), Schedulers.boundedElastic())
				.doOnNext((tick) -> revoke(looker))
				.then()
				.toFuture();
			LoadResult result = LoadGenerator.closedLoop(() -> session.client().getSession(), callers,
					settings.revocationWindow());
			revocation.join();
			FakeLookerStats stats = looker.stats(ApiSession.DEV_WORKSPACE);
			relogins.add(stats.loginAttempts());
			unauthorized.add(stats.get("unauthorized"));
			errors += result.errors();
		}
		session.logout();

		boolean oneEach = relogins.stream().allMatch((value) -> value == 1);
		String label = "Revocation storm, " + callers + " callers";
		report.addRow(label, "re-logins per round " + relogins + ", failed calls " + errors,
				"1 re-login per round, 0 failed calls", oneEach && errors == 0);
		report.addSection("Revocation storm",
				callers + " callers for " + settings.revocationWindow().toMillis() + " ms per round; every token is "
						+ "revoked " + settings.revokeAfter().toMillis() + " ms into the round. " + relogins.size()
						+ " rounds.\n\n| figure | per round |\n|---|---|\n| re-logins | " + relogins + " |\n"
						+ "| 401 responses from the fake (each replayed once) | " + unauthorized + " |\n"
						+ "| failed calls, all rounds | " + errors + " |\n");
	}

	private static void revoke(FakeLookerControl looker) {
		try {
			looker.revokeAllTokens();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
