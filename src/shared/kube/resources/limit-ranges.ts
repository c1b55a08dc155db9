/**
 * LimitRanges: per-object minimum and maximum sizes in a namespace; items of type PersistentVolumeClaim bound a
 * claim's storage request (plugin/pkg/admission/limitranger). Read by the StatefulSet rules; no findings of their own.
 */
import type { LimitRange } from '../objects-owners';
import { envelope, fields, ID, ID_MAP, list } from '../kept-fields';
import { describe } from './descriptor';

export const limitRanges = describe<LimitRange>()({
  resource: 'limitranges',
  kind: 'LimitRange',
  group: '',
  version: 'v1',
  namespaced: true,
  optional: false,
  label: 'LimitRanges',
  short: 'limits',
  diagnosed: false,
  storageEvents: false,
  keep: envelope({
    spec: fields({
      limits: list(fields({ type: ID, max: ID_MAP, min: ID_MAP, default: ID_MAP, defaultRequest: ID_MAP, maxLimitRequestRatio: ID_MAP })),
    }),
  }),
});
