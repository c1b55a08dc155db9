/** Pods: Pod objects. */
import type { Pod } from '../objects';
import { BOOL, CONDITIONS, CONTAINER, CONTAINER_STATUSES, envelope, fields, ID, ID_MAP, INT, list, NODE_SELECTOR_TERMS, POD_VOLUME, TEXT } from '../kept-fields';
import { describe } from './descriptor';

export const pods = describe<Pod>()({
  resource: 'pods',
  kind: 'Pod',
  group: '',
  version: 'v1',
  namespaced: true,
  optional: false,
  label: 'Pods',
  short: 'pods',
  table: { id: 'pods', perObject: true },
  diagnosed: true,
  storageEvents: true,
  keep: envelope({
    spec: fields({
      nodeName: ID,
      volumes: list(POD_VOLUME),
      initContainers: list(CONTAINER),
      containers: list(CONTAINER),
      securityContext: fields({ runAsUser: INT, runAsGroup: INT, runAsNonRoot: BOOL, fsGroup: INT }),
      schedulerName: ID,
      nodeSelector: ID_MAP,
      // Where the pod may run, for explaining the scheduler's volume verdict (diagnose/pod-placement.ts).
      affinity: fields({ nodeAffinity: fields({ requiredDuringSchedulingIgnoredDuringExecution: fields({ nodeSelectorTerms: NODE_SELECTOR_TERMS }) }) }),
      tolerations: list(fields({ key: ID, operator: ID, value: ID, effect: ID })),
      serviceAccountName: ID,
      restartPolicy: ID,
    }),
    status: fields({
      phase: ID,
      reason: ID,
      message: TEXT,
      conditions: CONDITIONS,
      initContainerStatuses: CONTAINER_STATUSES,
      containerStatuses: CONTAINER_STATUSES,
      startTime: ID,
      hostIP: ID,
      podIP: ID,
      qosClass: ID,
    }),
  }),
});
