// Package atomicfile replaces a file atomically: the new content goes to a
// temporary file in the destination's folder, which is synced, renamed over
// the destination, and the folder synced (github.com/google/renameio/v2 on
// Unix; on Windows a same-folder temporary file, sync and rename). A reader
// sees the old file or the new one, never part of one, and a write that
// fails (or a crash) leaves the old file as it was.
//
// Modes: an existing file keeps its mode; a new one gets the mode given,
// less the umask.
//
// Symbolic links: a destination that is a symbolic link is refused
// (ErrSymlink), never written through and never replaced, so neither the
// link nor the file it points to changes; the caller says so to the user.
// (Should a link appear between that check and the rename, the rename
// replaces the link itself: a write never goes through a link.)
package atomicfile
