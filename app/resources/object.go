package resources

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"sigs.k8s.io/yaml"

	"github.com/kubedeck/kubedeck/app/internal/wait"
)

// ObjectRef names one object.
type ObjectRef struct {
	GVR       schema.GroupVersionResource
	Namespace string
	Name      string
	// Kind is the kind discovery says the resource holds; an answer of
	// another kind (a list above all) is refused. Empty: any kind but a list.
	Kind string
}

// ErrNotOneObject marks an answer that is not the one object asked for.
var ErrNotOneObject = errors.New("the server did not answer with one object")

// Validate checks every path segment of the reference.
func (ref ObjectRef) Validate() error {
	if ref.Name == "" {
		return fmt.Errorf("%w: name is required", ErrInvalidPath)
	}
	return CheckSegments(ref.GVR, ref.Namespace, ref.Name)
}

// checkOne refuses what is not one object of the expected kind.
func (ref ObjectRef) checkOne(u *unstructured.Unstructured) error {
	kind := u.GetKind()
	switch {
	case u.IsList() || strings.HasSuffix(kind, "List") && kind != ref.Kind:
		return fmt.Errorf("%w: asked for %s %q, got a %s", ErrNotOneObject, ref.GVR.Resource, ref.Name, kind)
	case ref.Kind != "" && kind != ref.Kind:
		return fmt.Errorf("%w: asked for a %s, got a %s", ErrNotOneObject, ref.Kind, kind)
	}
	return nil
}

// ObjectMessage is one line of an object stream.
type ObjectMessage struct {
	// Type is object, deleted, heartbeat or error.
	Type    string         `json:"type"`
	Object  map[string]any `json:"object,omitempty"`
	YAML    string         `json:"yaml,omitempty"`
	Message string         `json:"message,omitempty"`
	Status  int            `json:"status,omitempty"`
}

// RevealSecretValue returns one decoded value of a Secret.
func RevealSecretValue(ctx context.Context, dyn dynamic.Interface, namespace, name, key string) (string, error) {
	gvr := schema.GroupVersionResource{Version: "v1", Resource: "secrets"}
	u, err := dyn.Resource(gvr).Namespace(namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return "", fmt.Errorf("get secret %s/%s: %w", namespace, name, err)
	}
	if s, ok, _ := unstructured.NestedString(u.Object, "stringData", key); ok {
		return s, nil
	}
	s, ok, _ := unstructured.NestedString(u.Object, "data", key)
	if !ok {
		return "", fmt.Errorf("secret %s/%s has no key %q", namespace, name, key)
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", fmt.Errorf("secret %s/%s key %q is not base64: %w", namespace, name, key, err)
	}
	return string(b), nil
}

// ToYAML renders an object as YAML.
func ToYAML(u *unstructured.Unstructured) string {
	b, err := yaml.Marshal(u.Object)
	if err != nil {
		return "# cannot render as YAML: " + err.Error()
	}
	return string(b)
}

// StreamObject sends the object now and after every change, until ctx ends
// or the sink fails; "deleted" when it goes away.
func StreamObject(ctx context.Context, dyn dynamic.Interface, ref ObjectRef, sink func(ObjectMessage) error) error {
	if err := ref.Validate(); err != nil {
		_ = sink(ObjectMessage{Type: "error", Message: err.Error(), Status: http.StatusBadRequest})
		return err
	}
	res := dyn.Resource(ref.GVR).Namespace(ref.Namespace)
	send := func(u *unstructured.Unstructured) error {
		if err := ref.checkOne(u); err != nil {
			_ = sink(ObjectMessage{Type: "error", Message: err.Error(), Status: http.StatusBadGateway})
			return err
		}
		RedactAs(ref.GVR, u)
		return sink(ObjectMessage{Type: "object", Object: u.Object, YAML: ToYAML(u)})
	}
	b := NewBackoff(10 * time.Second)
	for ctx.Err() == nil {
		u, err := res.Get(ctx, ref.Name, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			if err := sink(ObjectMessage{Type: "deleted", Message: fmt.Sprintf("%s %q no longer exists", ref.GVR.Resource, ref.Name)}); err != nil {
				return err
			}
		} else if err != nil {
			m := ObjectMessage{Type: "error", Message: err.Error()}
			var st apierrors.APIStatus
			if errors.As(err, &st) {
				m.Status = int(st.Status().Code)
				if isTerminal(err) {
					_ = sink(m)
					return err
				}
			}
			if err := sink(m); err != nil {
				return err
			}
			if !wait.Sleep(ctx, b.Next()) {
				return nil
			}
			continue
		} else if err := send(u); err != nil {
			return err
		}
		rv := ""
		if u != nil {
			rv = u.GetResourceVersion()
		}
		if err := watchObject(ctx, res, ref.Name, rv, send, sink); err != nil && !isGone(err) {
			if errors.Is(err, ErrNotOneObject) {
				return err
			}
			if ctx.Err() != nil {
				return nil
			}
			if !wait.Sleep(ctx, b.Next()) {
				return nil
			}
		} else {
			b.Reset()
		}
	}
	return nil
}

func watchObject(ctx context.Context, res dynamic.ResourceInterface, name, rv string, send func(*unstructured.Unstructured) error, sink func(ObjectMessage) error) error {
	w, err := res.Watch(ctx, metav1.ListOptions{
		FieldSelector:   fields.OneTermEqualSelector("metadata.name", name).String(),
		ResourceVersion: rv,
	})
	if err != nil {
		return err
	}
	defer w.Stop()
	heartbeat := time.NewTicker(Heartbeat)
	defer heartbeat.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-heartbeat.C:
			if err := sink(ObjectMessage{Type: "heartbeat"}); err != nil {
				return err
			}
		case ev, ok := <-w.ResultChan():
			if !ok {
				return nil
			}
			switch ev.Type {
			case watch.Added, watch.Modified:
				if u, ok := ev.Object.(*unstructured.Unstructured); ok {
					if err := send(u); err != nil {
						return err
					}
				}
			case watch.Deleted:
				if err := sink(ObjectMessage{Type: "deleted", Message: fmt.Sprintf("%q was deleted", name)}); err != nil {
					return err
				}
			case watch.Error:
				return apierrors.FromObject(ev.Object)
			}
		}
	}
}

// IsSecret tells whether a resource is core Secrets.
func IsSecret(gvr schema.GroupVersionResource) bool {
	return gvr.Group == "" && strings.EqualFold(gvr.Resource, "secrets")
}
