/**
 * Reactive client for the Looker API session, with the post-login hook contract.
 */
@NullMarked
package io.github.lookersession;

import org.jspecify.annotations.NullMarked;
