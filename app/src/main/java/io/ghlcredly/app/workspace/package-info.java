/**
 * Agency workspaces at run time: which workspace serves a location (the file's assignments, then
 * the browser's), each workspace's engine, Credly connection and health, and what an operator
 * limited to some workspaces may see.
 */
@NullMarked
package io.ghlcredly.app.workspace;

import org.jspecify.annotations.NullMarked;
