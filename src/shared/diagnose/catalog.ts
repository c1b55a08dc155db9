/**
 * Every finding code the rules can produce: its default severity, a short title in every language and the
 * lesson section it links to. Codes are stable: the UI, `kse doctor --json`, CI pipelines and the
 * integration tests match on them, so a code is never renamed, only added or retired.
 */
import type { LessonAnchor } from '../lessons';
import type { Localized, Severity } from '../model/findings';

export interface CodeInfo {
  severity: Severity;
  lesson: LessonAnchor;
  title: Localized;
}

function c(severity: Severity, lesson: LessonAnchor, en: string, ru: string): CodeInfo {
  return { severity, lesson, title: { en, ru } };
}

export const FINDING_CODES = {
  // Claims that are not bound (claims-pending.ts, static-binding.ts).
  'claim.no-default-class': c('problem', 'storage-class', 'No class and no default class', 'Класс не указан, и класса по умолчанию нет'),
  'claim.several-default-classes': c('warning', 'storage-class', 'Several default classes', 'Несколько классов по умолчанию'),
  'claim.class-missing': c('problem', 'storage-class', 'The named StorageClass does not exist', 'Указанного StorageClass не существует'),
  'claim.wait-for-first-consumer': c('expected-wait', 'binding-modes', 'Waits for its first pod', 'Ждёт первый под'),
  'claim.wait-for-pod-scheduled': c('expected-wait', 'binding-modes', 'Waits for its pod to be scheduled', 'Ждёт, пока под назначат на узел'),
  'claim.consumer-skips-scheduler': c('problem', 'binding-modes', 'Its pod skips the scheduler: it never binds', 'Её под обходит планировщик: привязки не будет'),
  'claim.consumer-unschedulable': c('problem', 'troubleshooting-pending', 'Its pod cannot be scheduled', 'Его под не удаётся разместить'),
  'claim.provisioner-dead': c('problem', 'provisioner-health', 'The provisioner is not running', 'Провизионер не работает'),
  'claim.provisioning-failed': c('problem', 'dynamic-provisioning', 'Provisioning failed', 'Не удалось создать том'),
  'claim.provisioning': c('expected-wait', 'dynamic-provisioning', 'A volume is being provisioned', 'Том создаётся'),
  'claim.static-near-miss': c('problem', 'static-binding', 'No volume fits (some nearly do)', 'Подходящего тома нет (есть почти подходящие)'),
  'claim.no-matching-volume': c('problem', 'static-binding', 'No volume matches and none will be created', 'Подходящего тома нет, и создать его некому'),
  'claim.binding-pending': c('expected-wait', 'static-binding', 'A matching volume exists: binding is due', 'Подходящий том есть, привязка вот-вот случится'),
  'claim.volume-name-missing': c('problem', 'static-binding', 'The requested volume does not exist', 'Запрошенного тома не существует'),
  'claim.volume-taken': c('problem', 'static-binding', 'The requested volume belongs to another claim', 'Запрошенный том занят другой заявкой'),
  'claim.volume-mismatch': c('problem', 'static-binding', 'The requested volume does not fit', 'Запрошенный том не подходит'),
  'claim.restore-source-missing': c('problem', 'snapshots', 'Its data source does not exist', 'Его источника данных не существует'),
  'claim.restore-source-not-ready': c('expected-wait', 'snapshots', 'Waits for its data source to be ready', 'Ждёт готовности источника данных'),
  'claim.populator-missing': c('problem', 'volume-populators', 'No volume populator serves its data source', 'Её источник данных не обслуживает ни один заполнитель томов'),
  'claim.source-cross-namespace': c('info', 'volume-populators', 'Its data source is in another namespace', 'Её источник данных — в другом пространстве имён'),
  // A claim's VolumeAttributesClass (claims-attributes-class.ts).
  'claim.attributes-class-missing': c('problem', 'volume-attributes-class', 'The named VolumeAttributesClass does not exist', 'Указанного VolumeAttributesClass не существует'),
  'claim.attributes-class-driver-mismatch': c('warning', 'volume-attributes-class', 'The attributes class is for another driver', 'Класс атрибутов — для другого драйвера'),
  'claim.modify-infeasible': c('problem', 'volume-attributes-class', 'The driver refused the attributes class', 'Драйвер отказался применить класс атрибутов'),
  'claim.modify-slow': c('warning', 'volume-attributes-class', 'The change of attributes class hangs', 'Смена класса атрибутов затянулась'),
  'claim.pending': c('warning', 'troubleshooting-pending', 'Pending, cause not determined', 'Pending, причина не установлена'),
  'claim.terminating-in-use': c('warning', 'claim-lifecycle', 'Deletion waits for pods', 'Удаление ждёт подов'),
  // Bound and lost claims (claims-other.ts).
  'claim.lost': c('problem', 'claim-lifecycle', 'The claim lost its volume', 'Заявка потеряла свой том'),
  'claim.misbound': c('problem', 'claim-lifecycle', 'The volume belongs to another claim', 'Том принадлежит другой заявке'),
  'claim.resizing': c('expected-wait', 'volume-expansion', 'Being resized', 'Идёт расширение'),
  'claim.fs-resize-pending': c('expected-wait', 'volume-expansion', 'File system resize waits for a pod', 'Расширение файловой системы ждёт пода'),
  'claim.resize-failed': c('problem', 'volume-expansion', 'Resize failed', 'Расширение не удалось'),
  'claim.secret-missing': c('problem', 'csi-secrets', "The provisioner's Secret for it does not exist", 'Secret провизионера для неё не существует'),
  'claim.secret-unchecked': c('info', 'csi-secrets', "Cannot check the provisioner's Secret", 'Нельзя проверить Secret провизионера'),
  'claim.unused': c('info', 'claim-lifecycle', 'No pod has used it for a day or more', 'Ни один под не использует её день и дольше'),
  'claim.rwo-multi-node': c('problem', 'access-modes', 'ReadWriteOnce claim used on several nodes', 'Заявка ReadWriteOnce используется на нескольких узлах'),
  // Volumes (volumes.ts).
  'volume.available-unused': c('info', 'persistent-volume', 'Available and unused', 'Свободен и не используется'),
  'volume.prebound-claim-missing': c('warning', 'static-binding', 'Reserved for a claim that does not exist', 'Зарезервирован для несуществующей заявки'),
  'volume.released-retain': c('warning', 'reclaim-policy', 'Released and retained: data kept, volume unusable', 'Освобождён и сохранён: данные целы, но новым заявкам том недоступен'),
  'volume.released-delete': c('expected-wait', 'reclaim-policy', 'Released: waiting to be deleted', 'Освобождён и ждёт удаления'),
  'volume.failed': c('problem', 'reclaim-policy', 'Reclaim failed', 'Не удалось вернуть том'),
  'volume.claim-missing': c('problem', 'claim-lifecycle', 'Bound to a claim that no longer exists', 'Привязан к заявке, которой больше нет'),
  'volume.secret-missing': c('problem', 'csi-secrets', 'A Secret its CSI driver needs does not exist', 'Secret, нужный его CSI-драйверу, не существует'),
  'volume.secret-unchecked': c('info', 'csi-secrets', 'Cannot check a Secret its CSI driver needs', 'Нельзя проверить Secret, нужный его CSI-драйверу'),
  'volume.attach-error': c('problem', 'csi', 'Attach or detach failed', 'Ошибка подключения или отключения'),
  // Attachments that do not move (volume-attachments.ts).
  'volume.attach-stuck': c('problem', 'troubleshooting-mounts', 'Not attached: its attacher has not acted', 'Не подключён: attacher ничего не сделал'),
  'volume.detach-stuck': c('problem', 'troubleshooting-mounts', 'Detach stuck on a node that no longer exists', 'Отключение застряло на узле, которого больше нет'),
  // Pods (pods-volumes.ts, pods-mounts.ts, pods-init.ts).
  'pod.claim-missing': c('problem', 'persistent-volume-claim', 'Uses a claim that does not exist', 'Использует несуществующую заявку'),
  'pod.ephemeral-claim-pending': c('expected-wait', 'ephemeral-volumes', 'Its ephemeral volume claim is being created', 'Заявка для эфемерного тома ещё создаётся'),
  'pod.claim-pending': c('expected-wait', 'troubleshooting-pending', 'Waits for an unbound claim', 'Ждёт непривязанную заявку'),
  'pod.unschedulable-volumes': c('problem', 'volume-topology', 'Cannot be scheduled because of its volumes', 'Не размещается из-за томов'),
  'pod.configmap-missing': c('problem', 'config-and-secret-volumes', 'Mounts a ConfigMap that does not exist', 'Монтирует несуществующий ConfigMap'),
  'pod.secret-missing': c('problem', 'config-and-secret-volumes', 'Mounts a Secret that does not exist', 'Монтирует несуществующий Secret'),
  'pod.optional-source-missing': c('info', 'config-and-secret-volumes', 'Names an optional ConfigMap or Secret that does not exist', 'Ссылается на необязательный ConfigMap или Secret, которого нет'),
  'pod.reference-unchecked': c('info', 'config-and-secret-volumes', 'Cannot check the ConfigMaps or Secrets it mounts', 'Нельзя проверить ConfigMap и Secret, которые он монтирует'),
  'pod.node-name-wffc-claim': c('problem', 'binding-modes', 'Placed by nodeName: its WaitForFirstConsumer claim never binds', 'Размещён через nodeName: его заявка WaitForFirstConsumer не привяжется'),
  'pod.node-name-volume-affinity': c('problem', 'volume-topology', "On a node its volume's node affinity excludes", 'На узле, который исключает node affinity его тома'),
  'pod.mount-failed': c('problem', 'troubleshooting-mounts', 'A volume cannot be mounted', 'Том не монтируется'),
  'pod.attach-failed': c('problem', 'troubleshooting-mounts', 'A volume cannot be attached', 'Том не подключается к узлу'),
  'pod.multi-attach': c('problem', 'access-modes', 'The volume is attached to another node', 'Том подключён к другому узлу'),
  'pod.csi-driver-missing-on-node': c('problem', 'csi', 'Its CSI driver is not registered on the node', 'Его CSI-драйвер не зарегистрирован на узле'),
  'pod.rwo-claim-other-node': c('problem', 'access-modes', 'ReadWriteOnce claim is used on another node', 'Заявка ReadWriteOnce уже используется на другом узле'),
  'pod.init-crashloop': c('problem', 'init-containers', 'An init container is crash-looping', 'Init-контейнер падает и перезапускается'),
  'pod.init-failed': c('problem', 'init-containers', 'An init container failed', 'Init-контейнер завершился с ошибкой'),
  'pod.init-waiting': c('problem', 'init-containers', 'An init container cannot start', 'Init-контейнер не запускается'),
  'pod.init-stuck': c('warning', 'init-containers', 'An init container runs for too long', 'Init-контейнер работает слишком долго'),
  'pod.hostpath': c('info', 'hostpath', 'hostPath volume: data tied to one node', 'Том hostPath: данные привязаны к узлу'),
  'pod.hostpath-sensitive': c('warning', 'hostpath', 'hostPath exposes a sensitive host path', 'hostPath открывает доступ к системному пути узла'),
  'pod.emptydir': c('info', 'emptydir', 'emptyDir: data lives and dies with the pod', 'emptyDir: данные живут, пока жив под'),
  'pod.emptydir-memory': c('info', 'emptydir', 'emptyDir in memory counts against the memory limit', 'emptyDir в памяти расходует лимит памяти'),
  // Classes and their provisioners (classes.ts).
  'class.several-defaults': c('warning', 'storage-class', 'One of several default classes', 'Один из нескольких классов по умолчанию'),
  'class.provisioner-dead': c('problem', 'provisioner-health', 'The class\'s provisioner is not running', 'Провизионер класса не работает'),
  'class.provisioner-degraded': c('warning', 'provisioner-health', 'The class\'s provisioner is degraded', 'Провизионер класса работает с перебоями'),
  'class.provisioner-unknown': c('info', 'provisioner-health', 'The class\'s provisioner health is unknown', 'Состояние провизионера класса неизвестно'),
  // Volume usage, from the kubelets' stats through the node proxy (usage.ts; issue 14).
  'claim.nearly-full': c('warning', 'volume-usage', 'The volume is nearly full', 'Том почти заполнен'),
  'claim.inodes-nearly-exhausted': c('warning', 'volume-usage', 'The volume is running out of inodes', 'На томе заканчиваются индексные дескрипторы'),
  'pod.emptydir-near-limit': c('warning', 'volume-usage', 'emptyDir near its sizeLimit: the pod will be evicted', 'emptyDir близок к sizeLimit: под будет вытеснен'),
  'pod.ephemeral-storage-near-limit': c('warning', 'volume-usage', 'Pod near its ephemeral-storage limit: it will be evicted', 'Под близок к лимиту ephemeral-storage: он будет вытеснен'),
  'claim.predicted-full': c('warning', 'volume-usage', 'The volume is predicted full within 24 h', 'Том заполнится в ближайшие 24 ч'),
  'claim.over-provisioned': c('info', 'volume-usage', 'The volume is far bigger than its use (as far as seen)', 'Том намного больше, чем используется (насколько видно)'),
  'node.usage-unknown': c('warning', 'volume-usage', 'Volume usage unknown on this node', 'Заполнение томов на этом узле неизвестно'),
  'class.secret-missing': c('problem', 'csi-secrets', 'A Secret the class\'s parameters name does not exist', 'Secret из параметров класса не существует'),
  'class.secret-params-invalid': c('problem', 'csi-secrets', 'The class\'s secret parameters are malformed', 'Параметры секретов класса заданы неверно'),
  // StatefulSets: claims their templates cannot get (statefulsets.ts, statefulset-admission.ts; issue 12 part 4).
  'statefulset.claim-over-limit': c('problem', 'storage-quotas', "A claim template is outside the namespace's LimitRange", 'Шаблон заявки не укладывается в LimitRange пространства имён'),
  'statefulset.pod-over-limit': c('problem', 'storage-quotas', "The pod template's ephemeral storage is outside the namespace's LimitRange", 'Эфемерное хранилище шаблона пода не укладывается в LimitRange пространства имён'),
  'statefulset.pod-over-quota': c('problem', 'storage-quotas', "A new pod's ephemeral storage would exceed the namespace's ResourceQuota", 'Эфемерное хранилище нового пода превысит ResourceQuota пространства имён'),
  'statefulset.claim-over-quota': c('problem', 'storage-quotas', "A new claim would exceed the namespace's ResourceQuota", 'Новая заявка превысит ResourceQuota пространства имён'),
  'statefulset.claim-create-failed': c('problem', 'statefulset-claims', 'Cannot create the claims of its pods', 'Не удаётся создать заявки для подов'),
  'statefulset.class-missing': c('problem', 'statefulset-claims', 'A claim template names a StorageClass that does not exist', 'Шаблон заявки ссылается на несуществующий StorageClass'),
  'statefulset.claims-retained': c('info', 'statefulset-claims', 'Claims kept after a scale-down', 'Заявки, оставшиеся после уменьшения числа реплик'),
  // VolumeSnapshots that are not ready to restore from (snapshots.ts; issue 15 part 2).
  'snapshot.class-missing': c('problem', 'snapshots', 'The named VolumeSnapshotClass does not exist', 'Указанного VolumeSnapshotClass не существует'),
  'snapshot.driver-mismatch': c('problem', 'snapshots', "The class's driver cannot snapshot this volume", 'Драйвер класса не может сделать снимок этого тома'),
  'snapshot.source-claim-missing': c('problem', 'snapshots', 'The claim to snapshot does not exist', 'Заявки, с которой делается снимок, не существует'),
  'snapshot.content-missing': c('problem', 'snapshots', "The snapshot's VolumeSnapshotContent is gone", 'VolumeSnapshotContent снимка удалён'),
  'snapshot.failed': c('problem', 'snapshots', 'Taking the snapshot failed', 'Снимок сделать не удалось'),
  'snapshot.not-ready': c('expected-wait', 'snapshots', 'The snapshot is not ready to use yet', 'Снимок ещё не готов к использованию'),
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

export const ALL_FINDING_CODES = Object.keys(FINDING_CODES) as FindingCode[];

export function isFindingCode(value: string): value is FindingCode {
  return Object.prototype.hasOwnProperty.call(FINDING_CODES, value);
}
