package actions

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/restmapper"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

func as(t *testing.T, role string) (Client, kubernetes.Interface) {
	t.Helper()
	cfg := testcluster.Get(t).Config(t, role)
	cs := kubernetes.NewForConfigOrDie(cfg)
	return Client{
		Dynamic: dynamic.NewForConfigOrDie(cfg),
		Mapper:  restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(cs.Discovery())),
	}, cs
}

func configMaps(ns, suffix string) string {
	return fmt.Sprintf(`apiVersion: v1
kind: ConfigMap
metadata: {name: a-%[2]s, namespace: %[1]s}
data: {k: v1}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b-%[2]s}
data: {k: v1}
`, ns, suffix)
}

func TestApplyDryRunThenForRealUnderRBAC(t *testing.T) {
	admin, cs := as(t, testcluster.Admin)
	ctx := context.Background()
	suffix := fmt.Sprint(time.Now().UnixNano())
	yaml := configMaps("team-a", suffix)

	dry, err := admin.Apply(ctx, yaml, "team-a", true)
	if err != nil || len(dry) != 2 || dry[0].Action != "created" || dry[0].Error != "" || !strings.Contains(dry[0].YAML, "k: v1") {
		t.Fatalf("dry run = %+v, %v", dry, err)
	}
	if _, err := cs.CoreV1().ConfigMaps("team-a").Get(ctx, "a-"+suffix, metav1.GetOptions{}); err == nil {
		t.Fatal("a dry run created the object")
	}
	res, err := admin.Apply(ctx, yaml, "team-a", false)
	if err != nil || res[0].Action != "created" || res[1].Namespace != "team-a" {
		t.Fatalf("apply = %+v, %v", res, err)
	}
	cm, err := cs.CoreV1().ConfigMaps("team-a").Get(ctx, "b-"+suffix, metav1.GetOptions{})
	if err != nil || cm.ManagedFields[0].Manager != FieldManager {
		t.Fatalf("applied object: %v %+v", err, cm)
	}
	again, _ := admin.Apply(ctx, yaml, "team-a", false)
	if again[0].Action != "unchanged" {
		t.Errorf("re-apply = %q, want unchanged", again[0].Action)
	}

	viewer, _ := as(t, testcluster.Viewer)
	denied, _ := viewer.Apply(ctx, strings.ReplaceAll(yaml, "v1}", "v2}"), "team-a", false)
	if denied[0].Status != 403 || !strings.Contains(denied[0].Error, "forbidden") {
		t.Errorf("viewer apply = %+v", denied[0])
	}
	dev, _ := as(t, testcluster.Developer)
	okA, _ := dev.Apply(ctx, strings.ReplaceAll(yaml, "v1}", "v3}"), "team-a", false)
	if okA[0].Error != "" || okA[0].Action != "configured" {
		t.Errorf("developer in team-a = %+v", okA[0])
	}
	inB, _ := dev.Apply(ctx, configMaps("team-b", suffix), "team-b", false)
	if inB[0].Status != 403 {
		t.Errorf("developer in team-b = %+v", inB[0])
	}
}

func TestInvalidYAMLIsRefusedBeforeSending(t *testing.T) {
	admin, _ := as(t, testcluster.Admin)
	for text, want := range map[string]string{
		"kind: ConfigMap\nmetadata: {name: x}":     "apiVersion and kind are required",
		"apiVersion: v1\nkind: ConfigMap\ndata: [": "document 1",
		"apiVersion: v1\nkind: ConfigMap\n":        "metadata.name is required",
		"":                                         "no objects",
	} {
		if _, err := admin.Apply(context.Background(), text, "default", true); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
	res, _ := admin.Apply(context.Background(), "apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec: {containers: [{name: c}]}", "team-a", true)
	if res[0].Status != 422 {
		t.Errorf("server-side validation = %+v, want 422", res[0])
	}
}

func TestUpdateDetectsConflicts(t *testing.T) {
	admin, cs := as(t, testcluster.Admin)
	ctx := context.Background()
	name := fmt.Sprintf("conflict-%d", time.Now().UnixNano())
	cm, err := cs.CoreV1().ConfigMaps("team-a").Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name}, Data: map[string]string{"k": "original"}}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	edit := fmt.Sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s, namespace: team-a, resourceVersion: %q}\ndata: {k: mine}\n", name, cm.ResourceVersion)
	// Someone else (kubectl, here the admin client) changes it meanwhile.
	cm.Data["k"] = "theirs"
	if _, err := cs.CoreV1().ConfigMaps("team-a").Update(ctx, cm, metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := admin.Update(ctx, edit, false)
	if err != nil || res.Status != 409 || !strings.Contains(res.Live, "theirs") {
		t.Fatalf("conflicting update = %+v, %v", res, err)
	}
	live, err := cs.CoreV1().ConfigMaps("team-a").Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		t.Fatalf("the live config map: %v", err)
	}
	edit = strings.Replace(edit, cm.ResourceVersion, live.ResourceVersion, 1)
	if res, err := admin.Update(ctx, edit, false); err != nil || res.Action != "updated" || !strings.Contains(res.YAML, "mine") {
		t.Fatalf("re-applied edit = %+v, %v", res, err)
	}
}

func TestWorkloadActions(t *testing.T) {
	admin, cs := as(t, testcluster.Admin)
	ctx := context.Background()
	dep := Ref{Group: "apps", Version: "v1", Resource: "deployments", Namespace: "shop", Name: "frontend"}
	if err := admin.Scale(ctx, dep, 3); err != nil {
		t.Fatal(err)
	}
	d, _ := cs.AppsV1().Deployments("shop").Get(ctx, "frontend", metav1.GetOptions{})
	if *d.Spec.Replicas != 3 {
		t.Errorf("replicas = %d", *d.Spec.Replicas)
	}
	if err := admin.Restart(ctx, dep, time.Now()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a second revision", func() bool {
		h, err := History(ctx, cs, "shop", "frontend")
		return err == nil && len(h) >= 2 && h[0].Current
	})
	msg, err := Undo(ctx, cs, "shop", "frontend", 0)
	if err != nil || !strings.Contains(msg, "rolled back") {
		t.Errorf("undo = %q %v", msg, err)
	}
	d, _ = cs.AppsV1().Deployments("shop").Get(ctx, "frontend", metav1.GetOptions{})
	if _, restarted := d.Spec.Template.Annotations[RestartAnnotation]; restarted {
		t.Error("undo kept the restart annotation")
	}

	if err := SuspendCronJob(ctx, cs, "team-b", "report", true); err != nil {
		t.Fatal(err)
	}
	cj, _ := cs.BatchV1().CronJobs("team-b").Get(ctx, "report", metav1.GetOptions{})
	if cj.Spec.Suspend == nil || !*cj.Spec.Suspend {
		t.Error("cronjob not suspended")
	}
	_ = SuspendCronJob(ctx, cs, "team-b", "report", false)
	job, err := RunCronJob(ctx, cs, "team-b", "report", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	j, err := cs.BatchV1().Jobs("team-b").Get(ctx, job, metav1.GetOptions{})
	if err != nil || j.OwnerReferences[0].Name != "report" || j.Annotations["cronjob.kubernetes.io/instantiate"] != "manual" {
		t.Errorf("job from cronjob: %v %+v", err, j)
	}

	cmName := fmt.Sprintf("del-%d", time.Now().UnixNano())
	_, _ = cs.CoreV1().ConfigMaps("team-a").Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: cmName}}, metav1.CreateOptions{})
	viewer, _ := as(t, testcluster.Viewer)
	ref := Ref{Version: "v1", Resource: "configmaps", Namespace: "team-a", Name: cmName}
	if r := viewer.Delete(ctx, []Ref{ref}, "background"); r[0].Status != 403 {
		t.Errorf("viewer delete = %+v", r)
	}
	if r := admin.Delete(ctx, []Ref{ref}, "foreground"); r[0].Action != "deleted" {
		t.Errorf("admin delete = %+v", r)
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestDrainBlockedByPDBThenReleased(t *testing.T) {
	_, cs := as(t, testcluster.Admin)
	ctx := context.Background()
	node := fmt.Sprintf("drain-test-%d", time.Now().UnixNano()%100000)
	_, err := cs.CoreV1().Nodes().Create(ctx, &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: node, Annotations: map[string]string{"kwok.x-k8s.io/node": "fake"}, Labels: map[string]string{"type": "kwok"}},
		Status: corev1.NodeStatus{Allocatable: corev1.ResourceList{corev1.ResourcePods: resource.MustParse("10"), corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("8Gi")},
			Capacity: corev1.ResourceList{corev1.ResourcePods: resource.MustParse("10"), corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("8Gi")}},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer cs.CoreV1().Nodes().Delete(ctx, node, metav1.DeleteOptions{})
	ns := "team-b"
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: node + "-guarded", Labels: map[string]string{"guard": node}},
		Spec: corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "c", Image: "x"}}}}
	if _, err := cs.CoreV1().Pods(ns).Create(ctx, pod, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	one := intstr.FromInt32(1)
	pdb := &policyv1.PodDisruptionBudget{ObjectMeta: metav1.ObjectMeta{Name: node},
		Spec: policyv1.PodDisruptionBudgetSpec{MinAvailable: &one, Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"guard": node}}}}
	if _, err := cs.PolicyV1().PodDisruptionBudgets(ns).Create(ctx, pdb, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the pod running and the PDB counting it", func() bool {
		p, err := cs.PolicyV1().PodDisruptionBudgets(ns).Get(ctx, node, metav1.GetOptions{})
		return err == nil && p.Status.CurrentHealthy == 1 && p.Status.ObservedGeneration == p.Generation
	})

	var mu sync.Mutex
	var steps []Progress
	done := make(chan error, 1)
	go func() {
		done <- Drain(ctx, cs, node, DrainOptions{Force: true, GracePeriodSeconds: 0, TimeoutSeconds: 60}, func(p Progress) {
			mu.Lock()
			steps = append(steps, p)
			mu.Unlock()
		})
	}()
	saw := func(typ, text string) bool {
		mu.Lock()
		defer mu.Unlock()
		for _, s := range steps {
			if s.Type == typ && strings.Contains(s.Message+s.Pod, text) {
				return true
			}
		}
		return false
	}
	waitFor(t, "the eviction to be blocked by the PDB", func() bool { return saw("waiting", "disruption budget") })
	n, _ := cs.CoreV1().Nodes().Get(ctx, node, metav1.GetOptions{})
	if !n.Spec.Unschedulable {
		t.Error("node not cordoned")
	}
	if _, err := cs.CoreV1().Pods(ns).Get(ctx, pod.Name, metav1.GetOptions{}); err != nil {
		t.Fatalf("the guarded pod went despite its PDB: %v", err)
	}
	// Releasing the budget lets the drain finish.
	if err := cs.PolicyV1().PodDisruptionBudgets(ns).Delete(ctx, node, metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(40 * time.Second):
		t.Fatal("drain did not finish after the PDB was removed")
	}
	if !saw("evicted", pod.Name) || !saw("done", node) {
		t.Errorf("progress = %+v", steps)
	}
	if err := Cordon(ctx, cs, node, false); err != nil {
		t.Fatal(err)
	}
}
