package io.github.lookersession.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Application of the kind that uses the starter, for the integration tests in this
 * package. {@code @SpringBootTest} and {@code @WebClientTest} find it by searching the
 * test's package and its parents.
 */
@SpringBootApplication
public class SampleApplication {

}
