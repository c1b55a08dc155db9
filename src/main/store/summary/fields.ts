/**
 * Building blocks of the Summary: a list that takes a field only when the object has a value for it (empty maps,
 * lists and strings are left out, so the Summary never shows blank rows), and the metadata every kind shares.
 */
import { DESCRIPTOR_OF_RESOURCE, resourceOfKind, type Resource } from '../../../shared/kube/resource-registry';
import type { Condition, KubeObject } from '../../../shared/kube/objects';
import type { ObjectRef } from '../../../shared/model/refs';
import type { ConditionView, RefValue, SummaryField, SummaryFieldId, SummaryNote, SummaryValue } from '../../../shared/model/summary';
import type { ObjectStore } from '../object-store';

export class SummaryList {
  readonly fields: SummaryField[] = [];

  constructor(private readonly store: ObjectStore) {}

  add(id: SummaryFieldId, path: string | undefined, value: SummaryValue, note?: SummaryNote): void {
    const field: SummaryField = { id, value };
    if (path) field.path = path;
    if (note) field.note = note;
    this.fields.push(field);
  }

  text(id: SummaryFieldId, path: string, text: string | number | undefined | null): void {
    if (text === undefined || text === null || text === '') return;
    this.add(id, path, { type: 'text', text: String(text) });
  }

  code(id: SummaryFieldId, path: string | undefined, text: string | undefined): void {
    if (text) this.add(id, path, { type: 'code', text });
  }

  list(id: SummaryFieldId, path: string | undefined, items: readonly (string | undefined)[] | undefined | null): void {
    const present = (items ?? []).filter((i): i is string => typeof i === 'string' && i !== '');
    if (present.length > 0) this.add(id, path, { type: 'list', items: present });
  }

  map(id: SummaryFieldId, path: string, record: Record<string, string> | undefined): void {
    const entries = Object.entries(record ?? {}).map(([k, v]) => [k, String(v)] as [string, string]);
    if (entries.length > 0) this.add(id, path, { type: 'map', entries });
  }

  time(id: SummaryFieldId, path: string, at: string | undefined | null): void {
    if (at) this.add(id, path, { type: 'time', at });
  }

  /** A boolean field; when unset and Kubernetes has a default, the default is shown with the note `not-set`. */
  bool(id: SummaryFieldId, path: string, value: boolean | undefined, fallback?: boolean): void {
    if (typeof value === 'boolean') this.add(id, path, { type: 'bool', value });
    else if (fallback !== undefined) this.add(id, path, { type: 'bool', value: fallback }, 'not-set');
  }

  /** A text field whose unset value means a Kubernetes default (e.g. volumeMode: Filesystem). */
  defaulted(id: SummaryFieldId, path: string, value: string | undefined, fallback: string): void {
    if (value) this.add(id, path, { type: 'text', text: value });
    else this.add(id, path, { type: 'text', text: fallback }, 'not-set');
  }

  refs(id: SummaryFieldId, path: string | undefined, refs: RefValue[]): void {
    if (refs.length > 0) this.add(id, path, { type: 'refs', refs });
  }

  /** A reference by name: linked, and flagged missing when the kind was read and no such object exists. */
  byName(kind: Resource, name: string, namespace?: string): RefValue {
    const ref: ObjectRef = DESCRIPTOR_OF_RESOURCE[kind].namespaced ? { kind, name, namespace: namespace ?? '' } : { kind, name };
    if (this.store.get(kind, name, namespace)) return { ref };
    return this.store.kindState(kind) === 'synced' ? { ref, missing: true } : { ref };
  }

  /**
   * The class of a volume, or of a claim bound to one: linked when the StorageClass exists; otherwise only a name
   * that hand-made volumes carry ("manual"), which the PV controller matches by name without any StorageClass
   * object (pkg/controller/volume/persistentvolume: checkVolumeSatisfyClaim compares storageClassName), so it is
   * shown as a name with the note `static-class`, never as a missing object.
   */
  boundClass(path: string, name: string): void {
    if (this.store.kindState('storageclasses') === 'synced' && !this.store.get('storageclasses', name)) {
      this.add('storageClass', path, { type: 'code', text: name }, 'static-class');
      return;
    }
    this.refs('storageClass', path, [this.byName('storageclasses', name)]);
  }

  conditions(path: string, conditions: Condition[] | undefined): void {
    const views: ConditionView[] = (conditions ?? []).map((c) => {
      const view: ConditionView = { type: c.type ?? '', status: c.status ?? '' };
      if (c.reason) view.reason = c.reason;
      if (c.message) view.message = c.message;
      if (c.lastTransitionTime) view.lastTransitionTime = c.lastTransitionTime;
      return view;
    });
    if (views.length > 0) this.add('conditions', path, { type: 'conditions', conditions: views });
  }

  /** When it is being deleted: shown first, it explains most of what follows. */
  deleting(obj: KubeObject): void {
    this.time('deleting', 'metadata.deletionTimestamp', obj.metadata?.deletionTimestamp);
  }

  /**
   * The metadata a student looks for after the basics: age, owners (linked when the app shows their kind),
   * labels, annotations and finalizers.
   */
  metadata(obj: KubeObject): void {
    const meta = obj.metadata ?? {};
    this.time('age', 'metadata.creationTimestamp', meta.creationTimestamp);
    const owners = (meta.ownerReferences ?? [])
      .filter((o) => o.kind && o.name)
      .map((o) => {
        const kind = resourceOfKind(o.kind ?? '');
        const owner = { kind: o.kind ?? '', name: o.name ?? '', controller: o.controller === true };
        return kind ? { ...owner, ref: this.byName(kind, owner.name, meta.namespace).ref } : owner;
      });
    if (owners.length > 0) this.add('owners', 'metadata.ownerReferences', { type: 'owners', owners });
    this.map('labels', 'metadata.labels', meta.labels);
    this.map('annotations', 'metadata.annotations', meta.annotations);
    this.list('finalizers', 'metadata.finalizers', meta.finalizers);
  }
}
