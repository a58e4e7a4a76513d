package io.github.lookersession.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EndpointPattern}.
 */
class EndpointPatternTests {

	@Test
	void parseMethodAndPathSuffix() {
		EndpointPattern pattern = EndpointPattern.parse("patch /session");

		assertThat(pattern.method()).isEqualTo("PATCH");
		assertThat(pattern.pathSuffix()).isEqualTo("/session");
		assertThat(pattern).hasToString("PATCH /session");
	}

	@Test
	void parseAnyMethod() {
		EndpointPattern pattern = EndpointPattern.parse("* /login");

		assertThat(pattern.method()).isNull();
		assertThat(pattern.matches("DELETE", "/api/3.1/login")).isTrue();
	}

	@Test
	void parseEveryRequest() {
		assertThat(EndpointPattern.parse(" * ")).isEqualTo(EndpointPattern.ANY);
		assertThat(EndpointPattern.ANY.matches("GET", "/anything")).isTrue();
	}

	@Test
	void matchesPathsEndingWithSuffix() {
		EndpointPattern pattern = EndpointPattern.parse("POST /login");

		assertThat(pattern.matches("POST", "/api/4.0/login")).isTrue();
		assertThat(pattern.matches("post", "/api/3.1/login")).isTrue();
		assertThat(pattern.matches("POST", "/api/4.0/login/5")).isFalse();
		assertThat(pattern.matches("GET", "/api/4.0/login")).isFalse();
	}

	@Test
	void suffixCanSpanSegments() {
		EndpointPattern pattern = EndpointPattern.parse("GET /lookml_models/dev_only_model");

		assertThat(pattern.matches("GET", "/api/4.0/lookml_models/dev_only_model")).isTrue();
		assertThat(pattern.matches("GET", "/api/4.0/lookml_models/shared_model")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "GET", "/session", "GET session", "GET /session?x=1", "GET /a b" })
	void invalidEndpointIsRejected(String endpoint) {
		assertThatIllegalArgumentException().isThrownBy(() -> EndpointPattern.parse(endpoint))
			.withMessageContaining("PATCH /session");
	}

}
