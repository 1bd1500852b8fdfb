// Package plugins finds the user's JavaScript plugins
// (<UserConfigDir>/kubedeck/plugins/<name>/ plus an optional development
// folder), reads each folder once into an immutable in-memory Snapshot
// (confined to the folder with os.Root; symbolic links, special files and
// more than 20 MiB are refused), describes it (package.json, a framed
// content hash of the snapshot) and serves its files from that snapshot, so
// what is served is exactly what was hashed. Whether a plugin may run is the
// user's approval, pinned to its hash and kept in settings; files of a
// plugin that is not approved at its current hash are not served.
package plugins
