/**
 * In-process fake of the Looker API session endpoints and JUnit helpers for testing Looker clients.
 */
@NullMarked
package io.github.lookersession.test;

import org.jspecify.annotations.NullMarked;
