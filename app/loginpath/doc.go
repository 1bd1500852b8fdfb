// Package loginpath gives the app the environment of the user's login shell.
// Apps started from a desktop launcher get a minimal environment: kubeconfig
// exec plugins (aws, gcloud, kubelogin, ...) installed in ~/bin or
// /opt/homebrew would not be found, KUBECONFIG set in ~/.zshrc would be
// missed, and AWS profiles and proxies would differ from kubectl's in a
// terminal. So the login shell's PATH is merged in, and KUBECONFIG, AWS_*
// and the proxy variables are taken from it where the process lacks them.
package loginpath
