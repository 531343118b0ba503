/** Network faults on loopback: a TCP proxy that can cut and reset the connections it carries. */
@NullMarked
package io.ghlcredly.testkit.net;

import org.jspecify.annotations.NullMarked;
