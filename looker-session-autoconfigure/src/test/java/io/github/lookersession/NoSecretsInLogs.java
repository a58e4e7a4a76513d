package io.github.lookersession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JUnit extension that records every log event at TRACE during each test and then
 * checks that none contains a secret. Loggers of the test servers stay at INFO, because
 * their output is the server's, not the client's.
 */
public final class NoSecretsInLogs implements BeforeEachCallback, AfterEachCallback {

	private static final List<String> SERVER_LOGGERS = List.of("org.eclipse.jetty", "wiremock", "WireMock",
			"com.github.tomakehurst", "io.github.lookersession.test");

	private final Supplier<Collection<String>> secrets;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Map<String, Level> savedLevels = new java.util.HashMap<>();

	/**
	 * Creates the extension.
	 * @param secrets supplier of the values that must not be logged, called after each
	 * test so that tokens issued during the test are included
	 */
	public NoSecretsInLogs(Supplier<Collection<String>> secrets) {
		this.secrets = secrets;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		setLevel(loggers, org.slf4j.Logger.ROOT_LOGGER_NAME, Level.TRACE);
		setLevel(loggers, "io.github.lookersession", Level.TRACE);
		SERVER_LOGGERS.forEach((name) -> setLevel(loggers, name, Level.INFO));
		this.appender.list.clear();
		this.appender.setContext(loggers);
		this.appender.start();
		loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this.appender);
		this.appender.stop();
		this.savedLevels.forEach((name, level) -> loggers.getLogger(name).setLevel(level));
		this.savedLevels.clear();

		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : new ArrayList<>(this.appender.list)) {
			lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
			if (event.getThrowableProxy() != null) {
				lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
			}
		}
		assertThat(lines).as("log events at TRACE").isNotEmpty();
		String all = String.join("\n", lines);
		for (String secret : this.secrets.get()) {
			assertThat(all).as("TRACE log of %s", context.getDisplayName()).doesNotContain(secret);
		}
	}

	private void setLevel(LoggerContext loggers, String name, Level level) {
		Logger logger = loggers.getLogger(name);
		this.savedLevels.putIfAbsent(name, logger.getLevel());
		logger.setLevel(level);
	}

}
