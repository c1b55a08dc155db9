/**
 * StatefulSets: the owner that creates claims from its volumeClaimTemplates. Diagnosed: a claim that admission
 * refuses never exists, so the finding goes on the StatefulSet (diagnose/statefulsets*.ts). Only the parts that
 * concern storage are kept; the pod template's containers (their env values, commands) are not.
 */
import type { StatefulSet } from '../objects-owners';
import { CLAIM_SPEC, envelope, fields, ID, ID_MAP, INT, LABEL_SELECTOR, list } from '../kept-fields';
import { describe } from './descriptor';

export const statefulSets = describe<StatefulSet>()({
  resource: 'statefulsets',
  kind: 'StatefulSet',
  group: 'apps',
  version: 'v1',
  namespaced: true,
  optional: false,
  label: 'StatefulSets',
  short: 'sts',
  diagnosed: true,
  storageEvents: true,
  keep: envelope({
    spec: fields({
      replicas: INT,
      serviceName: ID,
      podManagementPolicy: ID,
      selector: LABEL_SELECTOR,
      ordinals: fields({ start: INT }),
      volumeClaimTemplates: list(fields({ metadata: fields({ name: ID, labels: ID_MAP }), spec: CLAIM_SPEC })),
      persistentVolumeClaimRetentionPolicy: fields({ whenDeleted: ID, whenScaled: ID }),
    }),
    status: fields({ replicas: INT, readyReplicas: INT, currentReplicas: INT, updatedReplicas: INT, availableReplicas: INT, observedGeneration: INT }),
  }),
});
