/**
 * StatefulSets: the owner that creates claims from its volumeClaimTemplates. Diagnosed: a claim that admission
 * refuses never exists, so the finding goes on the StatefulSet (diagnose/statefulsets*.ts). Only the parts that
 * concern storage are kept: of the pod template, each container's name and resources (ephemeral-storage requests
 * and limits meet quotas and LimitRanges at the pod's admission), never env values or commands.
 */
import type { StatefulSet } from '../objects-owners';
import { CLAIM_SPEC, envelope, fields, ID, ID_MAP, INT, LABEL_SELECTOR, list, RESOURCES } from '../kept-fields';

const TEMPLATE_CONTAINER = fields({ name: ID, resources: RESOURCES });
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
      template: fields({ spec: fields({ containers: list(TEMPLATE_CONTAINER), initContainers: list(TEMPLATE_CONTAINER) }) }),
      volumeClaimTemplates: list(fields({ metadata: fields({ name: ID, labels: ID_MAP }), spec: CLAIM_SPEC })),
      persistentVolumeClaimRetentionPolicy: fields({ whenDeleted: ID, whenScaled: ID }),
    }),
    status: fields({ replicas: INT, readyReplicas: INT, currentReplicas: INT, updatedReplicas: INT, availableReplicas: INT, observedGeneration: INT }),
  }),
});
