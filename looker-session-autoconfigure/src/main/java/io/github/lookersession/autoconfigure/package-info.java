/**
 * Auto-configuration for the Looker session client.
 */
@NullMarked
package io.github.lookersession.autoconfigure;

import org.jspecify.annotations.NullMarked;
