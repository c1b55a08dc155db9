/** Events: Event objects. */
import type { KubeEvent } from '../objects';
import { envelope, fields, ID, INT, OBJECT_REFERENCE, TEXT } from '../kept-fields';
import { describe } from './descriptor';

export const events = describe<KubeEvent>()({
  resource: 'events',
  kind: 'Event',
  group: '',
  version: 'v1',
  namespaced: true,
  optional: false,
  label: 'Events',
  short: 'events',
  table: { id: 'events', perObject: true },
  diagnosed: false,
  storageEvents: false,
  keep: envelope({
    involvedObject: OBJECT_REFERENCE,
    reason: ID,
    message: TEXT,
    type: ID,
    count: INT,
    firstTimestamp: ID,
    lastTimestamp: ID,
    eventTime: ID,
    source: fields({ component: ID, host: ID }),
    reportingComponent: ID,
    series: fields({ count: INT, lastObservedTime: ID }),
  }),
});
