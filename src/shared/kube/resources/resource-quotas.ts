/**
 * ResourceQuotas: a namespace's hard limits (requests.storage, persistentvolumeclaims,
 * <class>.storageclass.storage.k8s.io/requests.storage...) and what is used. Read by the StatefulSet rules to
 * say which quota refuses a claim (plugin/pkg/admission/resourcequota); no findings of their own.
 */
import type { ResourceQuota } from '../objects-owners';
import { envelope, fields, ID, ID_MAP, IDS, list } from '../kept-fields';
import { describe } from './descriptor';

export const resourceQuotas = describe<ResourceQuota>()({
  resource: 'resourcequotas',
  kind: 'ResourceQuota',
  group: '',
  version: 'v1',
  namespaced: true,
  optional: false,
  label: 'ResourceQuotas',
  short: 'quota',
  diagnosed: false,
  storageEvents: false,
  keep: envelope({
    spec: fields({ hard: ID_MAP, scopes: IDS, scopeSelector: fields({ matchExpressions: list(fields({ scopeName: ID, operator: ID, values: IDS })) }) }),
    status: fields({ hard: ID_MAP, used: ID_MAP }),
  }),
});
