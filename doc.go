// Command kubedeck is a desktop Kubernetes dashboard. Run without arguments
// it opens the desktop window; `kubedeck serve` serves the same UI to a
// browser behind a launch token.
package main
