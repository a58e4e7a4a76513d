/**
 * Token handling: login and logout calls, the single-flight token holder, the
 * authentication filter and the workspace hook.
 */
@NullMarked
package io.github.lookersession.token;

import org.jspecify.annotations.NullMarked;
