// Package forward runs port-forwards (kubectl port-forward) with client-go's
// tools/portforward: to a pod, or to a service through one of its ready pods
// (translating the service port to the container port, as kubectl does).
// Forwards listen on 127.0.0.1 only, live until stopped, until their pod
// goes away (reported with the reason), or until the Manager closes.
package forward
