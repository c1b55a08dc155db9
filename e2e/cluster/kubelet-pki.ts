/**
 * Certificates between the API server and the lab's kubelet stats stand-in, made with the `openssl` command (Debian
 * ships it; node:crypto cannot issue X.509 certificates). As in a kubeadm cluster:
 * - a kubelet CA that signs the stand-in's serving certificate (an IP SAN for the address the nodes advertise): the
 *   API server verifies it with --kubelet-certificate-authority instead of skipping verification, which is what it
 *   does when that flag is absent (k8s.io/kubernetes pkg/kubelet/client/kubelet_client.go: no CA -> Insecure);
 * - a client certificate (CN kube-apiserver-kubelet-client, O system:masters) the API server presents with
 *   --kubelet-client-certificate/--kubelet-client-key, which the stand-in requires (mutual TLS), as a kubelet
 *   with anonymous auth off does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KubeletPki {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`lab: openssl ${args[0]} failed (the kubelet stats stand-in needs the openssl command): ${stderr || String(e)}`);
  }
}

/** Writes the kubelet CA, the serving and the client certificates under `dir`; returns their paths. */
export function writeKubeletPki(dir: string, address: string): KubeletPki {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const p: KubeletPki = {
    caCert: join(dir, 'kubelet-ca.crt'),
    serverCert: join(dir, 'kubelet.crt'),
    serverKey: join(dir, 'kubelet.key'),
    clientCert: join(dir, 'apiserver-kubelet-client.crt'),
    clientKey: join(dir, 'apiserver-kubelet-client.key'),
  };
  const days = '30';
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'kubelet-ca.key', '-out', 'kubelet-ca.crt', '-days', days, '-subj', '/CN=lab-kubelet-ca',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  const issue = (name: string, subj: string, ext: string) => {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subj], dir);
    writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'kubelet-ca.crt', '-CAkey', 'kubelet-ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', days, '-extfile', `${name}.ext`], dir);
  };
  issue('kubelet', '/CN=lab-kubelet-stats', `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:${address}\n`);
  issue('apiserver-kubelet-client', '/O=system:masters/CN=kube-apiserver-kubelet-client', 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n');
  readFileSync(p.serverCert); // fail here, not in the apiserver, if anything is missing
  return p;
}
