/**
 * A typical wrong attempt per exercise, as a student would make it with kubectl, and what the step check must say
 * about it. Run in the mistakes/ directory beside this file, after a reset. Used by the lab integration test and by
 * capture.ts (which records the failing fixtures of the unit tests from them).
 */
export interface Mistake {
  exercise: string;
  /** Shell lines, kubectl on PATH, run in mistakes/. */
  lines: string[];
  /** The step that must fail, and how its English explanation must read (isolate marks removed). */
  step: string;
  explanation: RegExp;
  /** The same explanation in Russian. */
  ru: RegExp;
  /** When the explanation is a diagnosis finding's: its code. */
  code?: string;
}

export const MISTAKES: readonly Mistake[] = [
  {
    exercise: 'stateless',
    lines: ['kubectl -n ex-stateless scale deployment web --replicas=2'],
    step: 'no-disk',
    explanation: /^Pod web-\S+ keeps data on disk\. Volume uploads is the directory \/var\/lib\/ex-web-uploads of node lab-node-\w+: the data stays on that node/,
    ru: /^Под web-\S+ хранит данные на диске\. Том uploads — это каталог \/var\/lib\/ex-web-uploads на узле lab-node-\w+/,
    code: 'pod.hostpath',
  },
  {
    exercise: 'shared-emptydir',
    lines: ['kubectl replace --force -f shared-emptydir.yaml'],
    step: 'shared',
    explanation: /^No emptyDir is mounted by every container: writer mounts shared; reader mounts reader-data\./,
    ru: /^Нет emptyDir, который монтируют все контейнеры: writer монтирует shared; reader монтирует reader-data\./,
  },
  {
    exercise: 'memory-emptydir',
    lines: ['kubectl replace --force -f memory-emptydir.yaml'],
    step: 'size-limit',
    explanation: /^emptyDir cache has no sizeLimit: files written to it take RAM up to the pod's memory limit/,
    ru: /^У emptyDir cache нет sizeLimit/,
  },
  {
    exercise: 'hostpath',
    lines: ['kubectl replace --force -f hostpath.yaml'],
    step: 'pinned',
    explanation: /^Nothing pins logger to a node: it runs on lab-node-\w+ because the scheduler chose it\. Recreated, it may land on another node/,
    ru: /^Под logger ни к какому узлу не привязан: он на lab-node-\w+, потому что так решил планировщик/,
  },
  {
    exercise: 'static-binding',
    lines: ['kubectl apply -f static-binding.yaml'],
    step: 'volume',
    explanation: /^Volume ex-static-pv does not fit claim reports: its capacity 512Mi is less than the 1Gi the claim asks for\.$/,
    ru: /^Том ex-static-pv не подходит заявке reports: его объём 512Mi меньше запрошенных заявкой 1Gi\.$/,
  },
  {
    exercise: 'dynamic',
    lines: ['kubectl apply -f dynamic.yaml'],
    step: 'bound',
    explanation: /^Claim data is Pending\. .*class parameter fail=true: refusing to provision \(lab fault injection\)/,
    ru: /^Заявка data в состоянии Pending\. .*class parameter fail=true: refusing to provision/,
    code: 'claim.provisioning-failed',
  },
  {
    exercise: 'wait-for-first-consumer',
    lines: ['kubectl apply -f wait-for-first-consumer.yaml'],
    step: 'consumer',
    explanation: /^No pod uses claim waiting\. Volume data uses claim wait, which does not exist in namespace ex-wffc/,
    ru: /^Ни один под не использует заявку waiting\. Том data использует заявку wait, которой нет в пространстве имён ex-wffc/,
    code: 'pod.claim-missing',
  },
  {
    exercise: 'stuck-claims',
    lines: ['kubectl -n ex-stuck delete pvc missing-class --wait', 'kubectl apply -f stuck-claims.yaml'],
    step: 'missing-class',
    explanation: /^Claim missing-class is Pending\. The claim asks for StorageClass "fast-sdd", which does not exist/,
    ru: /^Заявка missing-class в состоянии Pending\. Заявка просит StorageClass «fast-sdd», которого нет/,
    code: 'claim.class-missing',
  },
  {
    exercise: 'init-containers',
    lines: ['kubectl replace --force -f init-containers.yaml'],
    step: 'other-user',
    explanation: /^Every init container runs as user 1000, like the app: none may change the owner of files\./,
    ru: /^Все init-контейнеры работают от пользователя 1000, как и приложение/,
  },
  {
    exercise: 'reclaim',
    lines: ['kubectl -n ex-reclaim wait pvc/keep --for=jsonpath={.status.phase}=Bound --timeout=60s', 'kubectl -n ex-reclaim delete pvc keep --wait'],
    step: 'retain',
    explanation: /^No volume is left of claim keep: it was deleted together with the claim, as its reclaim policy Delete says\./,
    ru: /^От заявки keep не осталось тома: он удалён вместе с заявкой/,
  },
];
