package io.github.lookersession.token;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for the body of {@code POST /login}, which
 * {@link LookerLoginClient} binds with Jackson reflection. Jackson finds the record
 * constructor, accessors and their annotations through reflection, which a native image
 * allows only for registered members.
 */
class LookerLoginRuntimeHints implements RuntimeHintsRegistrar {

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), LookerLoginClient.LoginResponse.class);
	}

}
