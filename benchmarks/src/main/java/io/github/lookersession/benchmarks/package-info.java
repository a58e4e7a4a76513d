/**
 * Load, JMH and startup benchmarks of the starter against the fake Looker, run on demand
 * by {@link io.github.lookersession.benchmarks.BenchmarkRunner}.
 */
@NullMarked
package io.github.lookersession.benchmarks;

import org.jspecify.annotations.NullMarked;
