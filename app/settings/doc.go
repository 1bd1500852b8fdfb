// Package settings keeps the user's preferences and app state on disk, in
// <UserConfigDir>/kubedeck/settings.json, written atomically (atomicfile:
// a crash never leaves half a file; a new file is 0600 less the umask, an
// existing one keeps its mode, a symbolic link is refused, not written
// through).
package settings
