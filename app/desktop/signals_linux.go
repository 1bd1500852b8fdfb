//go:build linux && cgo && desktop

package desktop

/*
#include <signal.h>
#include <string.h>

static void kubedeck_fix_signal(int signum) {
	struct sigaction st;
	memset(&st, 0, sizeof(st));
	if (sigaction(signum, NULL, &st) < 0) return;
	st.sa_flags |= SA_ONSTACK;
	sigaction(signum, &st, NULL);
}

static void kubedeck_fix_signals(void) {
	kubedeck_fix_signal(SIGCHLD);
	kubedeck_fix_signal(SIGHUP);
	kubedeck_fix_signal(SIGINT);
	kubedeck_fix_signal(SIGQUIT);
	kubedeck_fix_signal(SIGABRT);
	kubedeck_fix_signal(SIGFPE);
	kubedeck_fix_signal(SIGTERM);
	kubedeck_fix_signal(SIGBUS);
	kubedeck_fix_signal(SIGSEGV);
	kubedeck_fix_signal(SIGXCPU);
	kubedeck_fix_signal(SIGXFSZ);
}
*/
import "C"

// resetSignalHandlers adds SA_ONSTACK to the handlers GTK and WebKit
// installed, so Go's runtime can turn a nil dereference in a command into a
// recoverable panic instead of crashing the app.
func resetSignalHandlers() { C.kubedeck_fix_signals() }
