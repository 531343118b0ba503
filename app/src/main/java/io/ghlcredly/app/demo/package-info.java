/** The scripted demo: both emulators, the engine on embedded storage, one narrated scenario. */
@NullMarked
package io.ghlcredly.app.demo;

import org.jspecify.annotations.NullMarked;
