/**
 * HTTP concerns shared by every Looker call: reading responses, mapping failures to
 * exceptions, and retries.
 */
@NullMarked
package io.github.lookersession.http;

import org.jspecify.annotations.NullMarked;
