package io.github.lookersession.benchmarks;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Main class of the child JVMs of the startup benchmark: a non-web Spring Boot
 * application with auto-configuration and no beans of its own.
 *
 * <p>
 * It starts the application context, prints one line with
 * {@code jvmUptimeMillis=<JVM start to started context> runMillis=<SpringApplication.run>
 * lookerClients=<number of LookerSessionClient beans>} and closes the context. It does
 * not refer to the starter's classes, so it also runs on a classpath without the starter.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StartupApplication {

	private static final String CLIENT_CLASS = "io.github.lookersession.LookerSessionClient";

	public static void main(String[] args) throws ClassNotFoundException {
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			long runNanos = System.nanoTime() - start;
			long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
			int lookerClients = 0;
			ClassLoader classLoader = StartupApplication.class.getClassLoader();
			if (ClassUtils.isPresent(CLIENT_CLASS, classLoader)) {
				lookerClients = context.getBeanNamesForType(ClassUtils.forName(CLIENT_CLASS, classLoader)).length;
			}
			System.out.println("jvmUptimeMillis=" + uptimeMillis + " runMillis=" + (runNanos / 1_000_000.0)
					+ " lookerClients=" + lookerClients);
		}
	}

}
