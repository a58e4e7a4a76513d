/**
 * Sample WebFlux application that uses the Looker session client with the {@code dev}
 * workspace, against an embedded fake Looker unless a real instance is configured.
 */
@NullMarked
package io.github.lookersession.sample;

import org.jspecify.annotations.NullMarked;
