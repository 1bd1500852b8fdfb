// Package plugintest writes plugin folders and approves them for tests of
// the packages that serve plugins (api, serve, desktop), so each test states
// only what its plugin is, not how a folder and an approval are made.
package plugintest
