// Command lab-provisioner is a small out-of-tree dynamic provisioner for the local lab, built on
// sigs.k8s.io/sig-storage-lib-external-provisioner. It behaves as real external provisioners do as seen from the
// API: it elects a leader with a Lease, watches claims of classes naming it, emits ProvisioningSucceeded /
// ProvisioningFailed events and creates hostPath-backed PersistentVolumes. Nothing is mounted: the lab's nodes are fake.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	v1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/klog/v2"
	"sigs.k8s.io/sig-storage-lib-external-provisioner/v13/controller"
)

type hostPathProvisioner struct {
	name    string
	baseDir string
	delay   time.Duration
}

var _ controller.Provisioner = &hostPathProvisioner{}

func (p *hostPathProvisioner) Provision(ctx context.Context, opts controller.ProvisionOptions) (*v1.PersistentVolume, controller.ProvisioningState, error) {
	// A short delay so that "provisioning in progress" (the PV controller's ExternalProvisioning event, a Pending
	// claim) is observable, as it is with real storage backends.
	select {
	case <-time.After(p.delay):
	case <-ctx.Done():
		return nil, controller.ProvisioningInBackground, ctx.Err()
	}
	if opts.StorageClass.Parameters["fail"] == "true" {
		return nil, controller.ProvisioningFinished, errors.New("class parameter fail=true: refusing to provision (lab fault injection)")
	}
	dir := filepath.Join(p.baseDir, opts.PVName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, controller.ProvisioningFinished, fmt.Errorf("creating %s: %w", dir, err)
	}
	reclaim := v1.PersistentVolumeReclaimDelete
	if opts.StorageClass.ReclaimPolicy != nil {
		reclaim = *opts.StorageClass.ReclaimPolicy
	}
	pv := &v1.PersistentVolume{
		ObjectMeta: metav1.ObjectMeta{
			Name:        opts.PVName,
			Annotations: map[string]string{"lab.kse.dev/provisioned-by": p.name},
		},
		Spec: v1.PersistentVolumeSpec{
			PersistentVolumeReclaimPolicy: reclaim,
			AccessModes:                   opts.PVC.Spec.AccessModes,
			MountOptions:                  opts.StorageClass.MountOptions,
			VolumeMode:                    opts.PVC.Spec.VolumeMode,
			Capacity: v1.ResourceList{
				v1.ResourceStorage: opts.PVC.Spec.Resources.Requests[v1.ResourceStorage],
			},
			PersistentVolumeSource: v1.PersistentVolumeSource{
				HostPath: &v1.HostPathVolumeSource{Path: dir},
			},
		},
	}
	// With WaitForFirstConsumer the scheduler picked a node: pin the volume to it, as local storage would be.
	if opts.SelectedNodeName != "" {
		pv.Spec.NodeAffinity = &v1.VolumeNodeAffinity{Required: &v1.NodeSelector{
			NodeSelectorTerms: []v1.NodeSelectorTerm{{MatchExpressions: []v1.NodeSelectorRequirement{{
				Key: "kubernetes.io/hostname", Operator: v1.NodeSelectorOpIn, Values: []string{opts.SelectedNodeName},
			}}}},
		}}
	}
	klog.InfoS("Provisioned", "pv", opts.PVName, "claim", klog.KObj(opts.PVC), "dir", dir)
	return pv, controller.ProvisioningFinished, nil
}

func (p *hostPathProvisioner) Delete(ctx context.Context, pv *v1.PersistentVolume) error {
	if pv.Annotations["lab.kse.dev/provisioned-by"] != p.name {
		return &controller.IgnoredError{Reason: "not provisioned by " + p.name}
	}
	if pv.Spec.HostPath != nil {
		if err := os.RemoveAll(pv.Spec.HostPath.Path); err != nil {
			return err
		}
	}
	klog.InfoS("Deleted", "pv", pv.Name)
	return nil
}

func main() {
	klog.InitFlags(nil)
	kubeconfig := flag.String("kubeconfig", "", "kubeconfig of the cluster")
	name := flag.String("provisioner-name", "hostpath.lab.kse.dev", "provisioner name (StorageClass.provisioner)")
	namespace := flag.String("leader-election-namespace", "lab-system", "namespace of the leader election Lease")
	baseDir := flag.String("base-dir", os.TempDir(), "directory under which volume directories are created")
	delay := flag.Duration("delay", 2*time.Second, "how long each provisioning takes")
	leaseDuration := flag.Duration("lease-duration", 15*time.Second, "leader election lease duration")
	renewDeadline := flag.Duration("renew-deadline", 10*time.Second, "leader election renew deadline")
	retryPeriod := flag.Duration("retry-period", 2*time.Second, "leader election retry period (the Lease renew interval)")
	flag.Parse()

	cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		klog.Fatalf("kubeconfig: %v", err)
	}
	cfg.UserAgent = "lab-provisioner"
	client, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		klog.Fatalf("client: %v", err)
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()

	p := &hostPathProvisioner{name: *name, baseDir: *baseDir, delay: *delay}
	pc := controller.NewProvisionController(ctx, client, *name, p,
		controller.LeaderElection(true),
		controller.LeaderElectionNamespace(*namespace),
		controller.LeaseDuration(*leaseDuration),
		controller.RenewDeadline(*renewDeadline),
		controller.RetryPeriod(*retryPeriod),
		controller.Threadiness(2),
		controller.FailedProvisionThreshold(0),
	)
	klog.InfoS("Starting", "provisioner", *name, "leaseNamespace", *namespace)
	// The library's Run panics ("unreachable") once leader election returns on cancel; stopping is a normal exit
	// here. The Lease is deliberately not released: a stopped provisioner leaves a Lease that goes stale, as a
	// crashed one does.
	go pc.Run(ctx)
	<-ctx.Done()
	klog.InfoS("Stopping", "provisioner", *name)
	klog.Flush()
}
