/**
 * Actuator health indicator for the Looker session client.
 */
@NullMarked
package io.github.lookersession.health;

import org.jspecify.annotations.NullMarked;
