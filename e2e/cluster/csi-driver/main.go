// Command lab-csi-driver is the lab's CSI driver: a small in-memory CSI plugin (Identity and Controller services)
// served on a unix socket, for the upstream external-provisioner, external-attacher, external-resizer and
// csi-snapshotter sidecars to talk to.
//
// It is a stand-in, named as such: the issue asked for csi-test's mock driver, but csi-test removed it in v4.3.0
// (kubernetes-csi/csi-test#351) and the module proxy serves only csi-test/v5, whose driver package is the gRPC
// server harness (driver.NewCSIDriver) and gomock mocks, not a plugin. So the harness is csi-test/v5's and the
// plugin is this file: volumes and snapshots live in memory, nothing is stored or mounted (the lab's nodes are
// fake, and the Node service, which a kubelet would call, is not served).
//
// Settable failure: before each call the driver reads the faults file (--faults-file, JSON), a map from the CSI
// method name to the gRPC status to answer with, e.g.
//
//	{"ControllerPublishVolume": {"code": "Internal", "message": "lab fault: the storage backend refuses to attach"}}
//
// An absent or empty file means no faults. Codes are gRPC code names (Internal, InvalidArgument, OutOfRange,
// ResourceExhausted, Unavailable, ...); the sidecars treat some of them as final (see each sidecar's docs).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"

	"github.com/container-storage-interface/spec/lib/go/csi"
	"github.com/kubernetes-csi/csi-test/v5/driver"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"
	"k8s.io/klog/v2"
)

type volume struct {
	ID       string
	Name     string
	Bytes    int64
	Source   string // snapshot or volume it was created from
	Attached map[string]bool
	// Attributes: the mutable parameters last applied (CreateVolume's mutable_parameters from the claim's
	// VolumeAttributesClass, then ControllerModifyVolume's).
	Attributes map[string]string
	// NodeExpansion: the class parameter nodeExpansionRequired="true" makes expansions of this volume need the
	// node's step too (NodeExpandVolume, which a kubelet calls), like a block device with a file system on it;
	// without it an expansion is done by the controller alone, as with network file systems.
	NodeExpansion bool
}

type snapshot struct {
	ID      string
	Name    string
	Source  string
	Bytes   int64
	Created *timestamppb.Timestamp
}

type plugin struct {
	csi.UnimplementedIdentityServer
	csi.UnimplementedControllerServer
	name       string
	version    string
	faultsFile string

	mu        sync.Mutex
	next      int
	volumes   map[string]*volume   // by ID
	snapshots map[string]*snapshot // by ID
}

// fault returns the error the faults file sets for method, if any. Read on every call so a test can set and clear
// a failure while the sidecars run.
func (p *plugin) fault(method string) error {
	if p.faultsFile == "" {
		return nil
	}
	data, err := os.ReadFile(p.faultsFile)
	if err != nil || len(data) == 0 {
		return nil
	}
	var faults map[string]struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(data, &faults); err != nil {
		klog.ErrorS(err, "Faults file is not valid JSON; ignoring it", "file", p.faultsFile)
		return nil
	}
	f, ok := faults[method]
	if !ok {
		return nil
	}
	code := codes.Internal
	for c := codes.OK; c <= codes.Unauthenticated; c++ {
		if c.String() == f.Code {
			code = c
		}
	}
	klog.InfoS("Injected fault", "method", method, "code", code, "message", f.Message)
	return status.Error(code, f.Message)
}

func (p *plugin) newID(prefix string) string {
	p.next++
	return prefix + "-" + strconv.Itoa(p.next)
}

func (p *plugin) GetPluginInfo(context.Context, *csi.GetPluginInfoRequest) (*csi.GetPluginInfoResponse, error) {
	return &csi.GetPluginInfoResponse{Name: p.name, VendorVersion: p.version}, nil
}

func (p *plugin) GetPluginCapabilities(context.Context, *csi.GetPluginCapabilitiesRequest) (*csi.GetPluginCapabilitiesResponse, error) {
	return &csi.GetPluginCapabilitiesResponse{Capabilities: []*csi.PluginCapability{
		{Type: &csi.PluginCapability_Service_{Service: &csi.PluginCapability_Service{Type: csi.PluginCapability_Service_CONTROLLER_SERVICE}}},
		{Type: &csi.PluginCapability_VolumeExpansion_{VolumeExpansion: &csi.PluginCapability_VolumeExpansion{Type: csi.PluginCapability_VolumeExpansion_ONLINE}}},
	}}, nil
}

func (p *plugin) Probe(context.Context, *csi.ProbeRequest) (*csi.ProbeResponse, error) {
	if err := p.fault("Probe"); err != nil {
		return nil, err
	}
	return &csi.ProbeResponse{}, nil
}

func (p *plugin) ControllerGetCapabilities(context.Context, *csi.ControllerGetCapabilitiesRequest) (*csi.ControllerGetCapabilitiesResponse, error) {
	var caps []*csi.ControllerServiceCapability
	for _, t := range []csi.ControllerServiceCapability_RPC_Type{
		csi.ControllerServiceCapability_RPC_CREATE_DELETE_VOLUME,
		csi.ControllerServiceCapability_RPC_PUBLISH_UNPUBLISH_VOLUME,
		csi.ControllerServiceCapability_RPC_EXPAND_VOLUME,
		csi.ControllerServiceCapability_RPC_CREATE_DELETE_SNAPSHOT,
		csi.ControllerServiceCapability_RPC_CLONE_VOLUME,
		// VolumeAttributesClass: external-resizer runs its modify controller only for drivers with MODIFY_VOLUME,
		// and external-provisioner refuses a claim naming a class unless the driver has it.
		csi.ControllerServiceCapability_RPC_MODIFY_VOLUME,
	} {
		caps = append(caps, &csi.ControllerServiceCapability{Type: &csi.ControllerServiceCapability_Rpc{Rpc: &csi.ControllerServiceCapability_RPC{Type: t}}})
	}
	return &csi.ControllerGetCapabilitiesResponse{Capabilities: caps}, nil
}

func (p *plugin) CreateVolume(_ context.Context, req *csi.CreateVolumeRequest) (*csi.CreateVolumeResponse, error) {
	if err := p.fault("CreateVolume"); err != nil {
		return nil, err
	}
	if req.GetName() == "" {
		return nil, status.Error(codes.InvalidArgument, "volume name missing")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	bytes := req.GetCapacityRange().GetRequiredBytes()
	if bytes == 0 {
		bytes = 1 << 30
	}
	source := ""
	if s := req.GetVolumeContentSource().GetSnapshot(); s != nil {
		snap, ok := p.snapshots[s.GetSnapshotId()]
		if !ok {
			return nil, status.Errorf(codes.NotFound, "snapshot %s not found", s.GetSnapshotId())
		}
		if snap.Bytes > bytes {
			return nil, status.Errorf(codes.OutOfRange, "snapshot %s has %d bytes, more than the %d requested", snap.ID, snap.Bytes, bytes)
		}
		source = snap.ID
	} else if v := req.GetVolumeContentSource().GetVolume(); v != nil {
		if _, ok := p.volumes[v.GetVolumeId()]; !ok {
			return nil, status.Errorf(codes.NotFound, "volume %s not found", v.GetVolumeId())
		}
		source = v.GetVolumeId()
	}
	// Idempotent by name, as CSI requires (the provisioner retries).
	for _, v := range p.volumes {
		if v.Name == req.GetName() {
			if v.Bytes != bytes {
				return nil, status.Errorf(codes.AlreadyExists, "volume %s exists with another size", v.Name)
			}
			return &csi.CreateVolumeResponse{Volume: p.csiVolume(v, req.GetVolumeContentSource())}, nil
		}
	}
	if err := checkMutableParameters(req.GetMutableParameters()); err != nil {
		return nil, err
	}
	v := &volume{ID: p.newID("vol"), Name: req.GetName(), Bytes: bytes, Source: source, Attached: map[string]bool{}, Attributes: req.GetMutableParameters(), NodeExpansion: req.GetParameters()["nodeExpansionRequired"] == "true"}
	p.volumes[v.ID] = v
	klog.InfoS("CreateVolume", "name", v.Name, "id", v.ID, "bytes", v.Bytes, "source", source)
	return &csi.CreateVolumeResponse{Volume: p.csiVolume(v, req.GetVolumeContentSource())}, nil
}

func (p *plugin) csiVolume(v *volume, src *csi.VolumeContentSource) *csi.Volume {
	return &csi.Volume{VolumeId: v.ID, CapacityBytes: v.Bytes, ContentSource: src}
}

func (p *plugin) DeleteVolume(_ context.Context, req *csi.DeleteVolumeRequest) (*csi.DeleteVolumeResponse, error) {
	if err := p.fault("DeleteVolume"); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.volumes, req.GetVolumeId()) // deleting a missing volume succeeds (idempotent)
	klog.InfoS("DeleteVolume", "id", req.GetVolumeId())
	return &csi.DeleteVolumeResponse{}, nil
}

// known is the volume with this ID, or the NotFound error CSI asks for. The caller holds p.mu.
func (p *plugin) known(id string) (*volume, error) {
	v, ok := p.volumes[id]
	if !ok {
		return nil, status.Errorf(codes.NotFound, "volume %s not found", id)
	}
	return v, nil
}

func (p *plugin) ValidateVolumeCapabilities(_ context.Context, req *csi.ValidateVolumeCapabilitiesRequest) (*csi.ValidateVolumeCapabilitiesResponse, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := p.known(req.GetVolumeId()); err != nil {
		return nil, err
	}
	return &csi.ValidateVolumeCapabilitiesResponse{Confirmed: &csi.ValidateVolumeCapabilitiesResponse_Confirmed{VolumeCapabilities: req.GetVolumeCapabilities()}}, nil
}

func (p *plugin) ControllerPublishVolume(_ context.Context, req *csi.ControllerPublishVolumeRequest) (*csi.ControllerPublishVolumeResponse, error) {
	if err := p.fault("ControllerPublishVolume"); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	v, err := p.known(req.GetVolumeId())
	if err != nil {
		return nil, err
	}
	v.Attached[req.GetNodeId()] = true
	klog.InfoS("ControllerPublishVolume", "volume", v.ID, "node", req.GetNodeId())
	return &csi.ControllerPublishVolumeResponse{PublishContext: map[string]string{"device": "/dev/lab/" + v.ID}}, nil
}

func (p *plugin) ControllerUnpublishVolume(_ context.Context, req *csi.ControllerUnpublishVolumeRequest) (*csi.ControllerUnpublishVolumeResponse, error) {
	if err := p.fault("ControllerUnpublishVolume"); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if v, ok := p.volumes[req.GetVolumeId()]; ok {
		delete(v.Attached, req.GetNodeId())
	}
	klog.InfoS("ControllerUnpublishVolume", "volume", req.GetVolumeId(), "node", req.GetNodeId())
	return &csi.ControllerUnpublishVolumeResponse{}, nil
}

func (p *plugin) ControllerExpandVolume(_ context.Context, req *csi.ControllerExpandVolumeRequest) (*csi.ControllerExpandVolumeResponse, error) {
	if err := p.fault("ControllerExpandVolume"); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	v, err := p.known(req.GetVolumeId())
	if err != nil {
		return nil, err
	}
	if b := req.GetCapacityRange().GetRequiredBytes(); b > v.Bytes {
		v.Bytes = b
	}
	// With node expansion the resizer marks the claim FileSystemResizePending and the kubelet's NodeExpandVolume
	// would finish it; a raw block volume never needs it.
	nodeExpansion := v.NodeExpansion && req.GetVolumeCapability().GetBlock() == nil
	klog.InfoS("ControllerExpandVolume", "volume", v.ID, "bytes", v.Bytes, "nodeExpansionRequired", nodeExpansion)
	return &csi.ControllerExpandVolumeResponse{CapacityBytes: v.Bytes, NodeExpansionRequired: nodeExpansion}, nil
}

// mutableParameters are the VolumeAttributesClass parameters the driver knows, as a cloud driver's "iops" and
// "throughput"; any other key is refused with InvalidArgument, as real drivers refuse what they do not know
// (external-resizer then marks the claim's change Infeasible).
var mutableParameters = map[string]bool{"iops": true, "throughput": true}

func checkMutableParameters(params map[string]string) error {
	for k := range params {
		if !mutableParameters[k] {
			return status.Errorf(codes.InvalidArgument, "unknown mutable parameter %q (this driver knows iops and throughput)", k)
		}
	}
	return nil
}

func (p *plugin) ControllerModifyVolume(_ context.Context, req *csi.ControllerModifyVolumeRequest) (*csi.ControllerModifyVolumeResponse, error) {
	if err := p.fault("ControllerModifyVolume"); err != nil {
		return nil, err
	}
	if err := checkMutableParameters(req.GetMutableParameters()); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	v, err := p.known(req.GetVolumeId())
	if err != nil {
		return nil, err
	}
	v.Attributes = req.GetMutableParameters()
	klog.InfoS("ControllerModifyVolume", "volume", v.ID, "parameters", v.Attributes)
	return &csi.ControllerModifyVolumeResponse{}, nil
}

func (p *plugin) CreateSnapshot(_ context.Context, req *csi.CreateSnapshotRequest) (*csi.CreateSnapshotResponse, error) {
	if err := p.fault("CreateSnapshot"); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.volumes[req.GetSourceVolumeId()]
	if !ok {
		return nil, status.Errorf(codes.NotFound, "source volume %s not found", req.GetSourceVolumeId())
	}
	for _, s := range p.snapshots {
		if s.Name == req.GetName() {
			if s.Source != v.ID {
				return nil, status.Errorf(codes.AlreadyExists, "snapshot %s exists for another volume", s.Name)
			}
			return &csi.CreateSnapshotResponse{Snapshot: csiSnapshot(s)}, nil
		}
	}
	s := &snapshot{ID: p.newID("snap"), Name: req.GetName(), Source: v.ID, Bytes: v.Bytes, Created: timestamppb.Now()}
	p.snapshots[s.ID] = s
	klog.InfoS("CreateSnapshot", "name", s.Name, "id", s.ID, "source", v.ID, "bytes", s.Bytes)
	return &csi.CreateSnapshotResponse{Snapshot: csiSnapshot(s)}, nil
}

func csiSnapshot(s *snapshot) *csi.Snapshot {
	return &csi.Snapshot{SnapshotId: s.ID, SourceVolumeId: s.Source, SizeBytes: s.Bytes, CreationTime: s.Created, ReadyToUse: true}
}

func (p *plugin) DeleteSnapshot(_ context.Context, req *csi.DeleteSnapshotRequest) (*csi.DeleteSnapshotResponse, error) {
	if err := p.fault("DeleteSnapshot"); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.snapshots, req.GetSnapshotId())
	klog.InfoS("DeleteSnapshot", "id", req.GetSnapshotId())
	return &csi.DeleteSnapshotResponse{}, nil
}

func main() {
	klog.InitFlags(nil)
	endpoint := flag.String("endpoint", "", "unix socket path to serve CSI on")
	name := flag.String("driver-name", "csi.lab.kse.dev", "CSI driver name (GetPluginInfo)")
	faults := flag.String("faults-file", "", "JSON file of injected failures, read on every call")
	flag.Parse()
	if *endpoint == "" {
		klog.Fatal("--endpoint is required")
	}
	if err := os.Remove(*endpoint); err != nil && !errors.Is(err, os.ErrNotExist) {
		klog.Fatalf("removing stale socket %s: %v", *endpoint, err)
	}
	l, err := net.Listen("unix", *endpoint)
	if err != nil {
		klog.Fatalf("listen on %s: %v", *endpoint, err)
	}
	p := &plugin{name: *name, version: "lab", faultsFile: *faults, volumes: map[string]*volume{}, snapshots: map[string]*snapshot{}}
	d := driver.NewCSIDriver(&driver.CSIDriverServers{Identity: p, Controller: p})
	if err := d.Start(l); err != nil {
		klog.Fatalf("serve: %v", err)
	}
	fmt.Fprintf(os.Stderr, "lab-csi-driver %s serving on %s\n", *name, *endpoint)
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	<-ctx.Done()
	d.Stop()
	_ = os.Remove(*endpoint)
}
