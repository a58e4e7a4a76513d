package io.github.lookersession.http;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerValidationError;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for the JSON bodies that {@link LookerResponses} binds
 * with Jackson reflection: the {@link ApiSession} of {@code GET} and
 * {@code PATCH /session}, and Looker's error body with its {@link LookerValidationError}
 * entries. Jackson finds the record constructors, accessors and their annotations through
 * reflection, which a native image allows only for registered members.
 */
class LookerResponsesRuntimeHints implements RuntimeHintsRegistrar {

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), ApiSession.class,
				LookerResponses.ErrorBody.class, LookerValidationError.class);
	}

}
