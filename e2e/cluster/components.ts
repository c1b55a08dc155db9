/** Command lines of the lab's components: the flags, and why each non-obvious one is there. */
import { join } from 'node:path';
import { LAB_SYSTEM_NAMESPACE, PROVISIONER_NAME } from './bootstrap';
import type { KubeletPki } from './kubelet-pki';

/** Where a lab keeps its files and which ports it took. */
export interface LabLayout {
  dataDir: string;
  pki: string;
  /** The apiserver's self-signed serving certificate chain (written by the apiserver into pki/). */
  certPath: string;
  etcdEndpoint: string;
  ports: { etcdPeer: number; apiserver: number; controllerManager: number; scheduler: number; kwok: number };
}

export const etcdArgs = (l: LabLayout): string[] => [
  '--name=lab', `--data-dir=${join(l.dataDir, 'etcd')}`,
  `--listen-client-urls=${l.etcdEndpoint}`, `--advertise-client-urls=${l.etcdEndpoint}`,
  `--listen-peer-urls=http://127.0.0.1:${l.ports.etcdPeer}`, `--initial-advertise-peer-urls=http://127.0.0.1:${l.ports.etcdPeer}`,
  `--initial-cluster=lab=http://127.0.0.1:${l.ports.etcdPeer}`,
  '--unsafe-no-fsync', // a throwaway lab: durability is not worth the disk latency
  '--log-level=warn',
];

/** Real token authentication, RBAC, service-account tokens; self-signed serving cert in pki/. */
export const apiserverArgs = (l: LabLayout, kubelet?: KubeletPki): string[] => [
  `--etcd-servers=${l.etcdEndpoint}`,
  '--bind-address=127.0.0.1', `--secure-port=${l.ports.apiserver}`, '--advertise-address=127.0.0.1',
  `--cert-dir=${l.pki}`,
  `--token-auth-file=${join(l.pki, 'tokens.csv')}`,
  '--authorization-mode=RBAC',
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  `--service-account-key-file=${join(l.pki, 'sa.pub')}`,
  `--service-account-signing-key-file=${join(l.pki, 'sa.key')}`,
  '--service-cluster-ip-range=10.96.0.0/16',
  // The advertised address is loopback, which the endpoint reconciler refuses; nothing in the lab needs the
  // kubernetes Service's endpoints (no pods really run).
  '--endpoint-reconciler-type=none',
  '--allow-privileged=true',
  '--profiling=false',
  '--v=1',
  // The node proxy to the kubelet stats stand-in: InternalIP first (kubeadm's order; the nodes' Hostname does not
  // resolve), the kubelet's serving certificate verified, the API server's client certificate presented.
  ...(kubelet
    ? ['--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', `--kubelet-certificate-authority=${kubelet.caCert}`,
       `--kubelet-client-certificate=${kubelet.clientCert}`, `--kubelet-client-key=${kubelet.clientKey}`]
    : []),
];

export const controllerManagerArgs = (l: LabLayout, kubeconfig: string): string[] => [
  `--kubeconfig=${kubeconfig}`,
  `--authentication-kubeconfig=${kubeconfig}`,
  `--authorization-kubeconfig=${kubeconfig}`,
  '--bind-address=127.0.0.1', `--secure-port=${l.ports.controllerManager}`, `--cert-dir=${join(l.pki, 'kcm')}`,
  '--controllers=*',
  '--enable-hostpath-provisioner=true',
  `--service-account-private-key-file=${join(l.pki, 'sa.key')}`,
  `--root-ca-file=${l.certPath}`,
  '--use-service-account-credentials=true',
  '--leader-elect=true',
  '--profiling=false',
  '--v=2',
];

export const schedulerArgs = (l: LabLayout, kubeconfig: string): string[] => [
  `--kubeconfig=${kubeconfig}`,
  `--authentication-kubeconfig=${kubeconfig}`,
  `--authorization-kubeconfig=${kubeconfig}`,
  '--bind-address=127.0.0.1', `--secure-port=${l.ports.scheduler}`, `--cert-dir=${join(l.pki, 'scheduler')}`,
  '--leader-elect=true',
  '--profiling=false',
  '--v=2',
];

export const kwokArgs = (l: LabLayout, kubeconfig: string, stagesConfig: string): string[] => [
  `--kubeconfig=${kubeconfig}`,
  `--config=${stagesConfig}`,
  '--manage-all-nodes=false',
  '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
  '--node-lease-duration-seconds=40',
  '--cidr=10.244.0.0/16',
  '--node-ip=10.0.0.1',
  `--server-address=127.0.0.1:${l.ports.kwok}`,
];

export const provisionerArgs = (l: LabLayout, kubeconfig: string): string[] => [
  `--kubeconfig=${kubeconfig}`,
  `--provisioner-name=${PROVISIONER_NAME}`,
  `--leader-election-namespace=${LAB_SYSTEM_NAMESPACE}`,
  `--base-dir=${join(l.dataDir, 'volumes')}`,
  '--delay=2s',
  '--v=2',
];
