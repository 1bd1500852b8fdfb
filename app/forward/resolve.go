package forward

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/client-go/kubernetes"
)

// resolve finds the pod and its port number for a request.
func resolve(ctx context.Context, cs kubernetes.Interface, r Request) (string, int, error) {
	switch r.Kind {
	case "pod", "":
		p, err := cs.CoreV1().Pods(r.Namespace).Get(ctx, r.Name, metav1.GetOptions{})
		if err != nil {
			return "", 0, fmt.Errorf("pod %s/%s: %w", r.Namespace, r.Name, err)
		}
		if p.Status.Phase != corev1.PodRunning {
			return "", 0, fmt.Errorf("pod %s is %s, not Running", r.Name, p.Status.Phase)
		}
		port, err := podPort(p, intstr.Parse(r.Port))
		return p.Name, port, err
	case "service":
		return servicePod(ctx, cs, r)
	}
	return "", 0, fmt.Errorf("cannot forward to a %q", r.Kind)
}

// servicePod picks a running, ready pod behind the service (as kubectl
// does) and maps the service port to that pod's container port.
func servicePod(ctx context.Context, cs kubernetes.Interface, r Request) (string, int, error) {
	svc, err := cs.CoreV1().Services(r.Namespace).Get(ctx, r.Name, metav1.GetOptions{})
	if err != nil {
		return "", 0, fmt.Errorf("service %s/%s: %w", r.Namespace, r.Name, err)
	}
	if len(svc.Spec.Selector) == 0 {
		return "", 0, fmt.Errorf("service %s has no selector, so no pod to forward to", r.Name)
	}
	var sp *corev1.ServicePort
	for i, p := range svc.Spec.Ports {
		if r.Port == "" || p.Name == r.Port || strconv.Itoa(int(p.Port)) == r.Port {
			sp = &svc.Spec.Ports[i]
			break
		}
	}
	if sp == nil {
		return "", 0, fmt.Errorf("service %s has no port %q", r.Name, r.Port)
	}
	pods, err := cs.CoreV1().Pods(r.Namespace).List(ctx, metav1.ListOptions{LabelSelector: labels.SelectorFromSet(svc.Spec.Selector).String()})
	if err != nil {
		return "", 0, fmt.Errorf("pods of service %s: %w", r.Name, err)
	}
	for i := range pods.Items {
		p := &pods.Items[i]
		if p.Status.Phase != corev1.PodRunning || p.DeletionTimestamp != nil || !ready(p) {
			continue
		}
		target := sp.TargetPort
		if target.IntValue() == 0 && target.StrVal == "" {
			target = intstr.FromInt32(sp.Port)
		}
		port, err := podPort(p, target)
		if err != nil {
			return "", 0, err
		}
		return p.Name, port, nil
	}
	return "", 0, fmt.Errorf("service %s has no ready pod", r.Name)
}

func ready(p *corev1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

// podPort turns a port number or container port name into a number.
func podPort(p *corev1.Pod, port intstr.IntOrString) (int, error) {
	if port.Type == intstr.Int && port.IntValue() > 0 {
		return port.IntValue(), nil
	}
	for _, c := range p.Spec.Containers {
		for _, cp := range c.Ports {
			if cp.Name == port.StrVal {
				return int(cp.ContainerPort), nil
			}
		}
	}
	return 0, fmt.Errorf("pod %s has no port %q", p.Name, port.String())
}

func parse(s string) (*url.URL, error) { return url.Parse(s) }

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
