package io.github.lookersession.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Sample application that injects {@link io.github.lookersession.LookerSessionClient},
 * logs the session on start, serves it over HTTP and checks every few seconds which
 * workspace serves its requests.
 *
 * <p>
 * {@link #main(String[])} adds {@link EmbeddedLookerInitializer}, so the application
 * runs against an in-process fake Looker when {@code looker.base-url} is not set. Tests
 * that use {@code @SpringBootTest} without the main method configure Looker themselves.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(SampleProperties.class)
public class LookerSessionSampleApplication {

	/**
	 * Starts the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(LookerSessionSampleApplication.class);
		application.addInitializers(new EmbeddedLookerInitializer());
		application.run(args);
	}

}
