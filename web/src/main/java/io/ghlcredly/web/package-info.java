/**
 * The web layer: the HTTP server (Javalin on Jetty 12) with its limits and overload answers, the
 * neutral webhook route adapter, sign-in, operators and roles, the admin API and the pages.
 */
@NullMarked
package io.ghlcredly.web;

import org.jspecify.annotations.NullMarked;
