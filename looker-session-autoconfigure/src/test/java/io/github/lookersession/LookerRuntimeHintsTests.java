package io.github.lookersession;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the runtime hints of the JSON bodies that the client binds with Jackson
 * reflection. The hints come from every {@link RuntimeHintsRegistrar} in
 * {@code META-INF/spring/aot.factories}, as Spring AOT loads them for a native image.
 * Nested types are named as strings because they are package-private.
 */
class LookerRuntimeHintsTests {

	private static final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	private static RuntimeHints hints;

	@BeforeAll
	static void registerHintsFromAotFactories() {
		ClassLoader classLoader = LookerRuntimeHintsTests.class.getClassLoader();
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories", classLoader)
			.load(RuntimeHintsRegistrar.class);
		hints = new RuntimeHints();
		registrars.forEach((registrar) -> registrar.registerHints(hints, classLoader));
	}

	@ParameterizedTest
	@ValueSource(strings = { "io.github.lookersession.ApiSession", "io.github.lookersession.LookerValidationError",
			"io.github.lookersession.http.LookerResponses$ErrorBody",
			"io.github.lookersession.token.LookerLoginClient$LoginResponse" })
	void jsonRecordIsRegisteredForBinding(String typeName) throws Exception {
		Class<?> type = ClassUtils.forName(typeName, getClass().getClassLoader());
		assertThat(type.isRecord()).as("%s is a record", typeName).isTrue();

		assertThat(reflection.onType(type)).as("type hint for %s", typeName).accepts(hints);
		assertThat(reflection.onConstructorInvocation(canonicalConstructor(type)))
			.as("canonical constructor of %s", typeName)
			.accepts(hints);
		for (RecordComponent component : type.getRecordComponents()) {
			assertThat(reflection.onMethodInvocation(component.getAccessor()))
				.as("accessor %s of %s", component.getName(), typeName)
				.accepts(hints);
		}
	}

	private static Constructor<?> canonicalConstructor(Class<?> type) throws NoSuchMethodException {
		Class<?>[] parameterTypes = Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		return type.getDeclaredConstructor(parameterTypes);
	}

}
