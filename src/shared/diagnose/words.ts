/**
 * Counted words shared by the rules (see ../plural.ts): every form each language has, including the Russian
 * cases a phrase needs ("из 1 пода" and "из 5 подов" take the genitive, "на 2 узлах" the prepositional).
 */
import type { PluralForms } from '../plural';

export const CLAIMS: PluralForms = { en: { one: 'claim', other: 'claims' }, ru: { one: 'заявка', few: 'заявки', many: 'заявок', other: 'заявки' } };
export const VOLUMES: PluralForms = { en: { one: 'volume', other: 'volumes' }, ru: { one: 'том', few: 'тома', many: 'томов', other: 'тома' } };
export const PODS: PluralForms = { en: { one: 'pod', other: 'pods' }, ru: { one: 'под', few: 'пода', many: 'подов', other: 'пода' } };
export const NODES: PluralForms = { en: { one: 'node', other: 'nodes' }, ru: { one: 'узел', few: 'узла', many: 'узлов', other: 'узла' } };

/** Genitive after "из": "из 1 пода", "из 2 подов". */
export const OF_PODS: PluralForms = { en: PODS.en, ru: { one: 'пода', few: 'подов', many: 'подов', other: 'пода' } };
/** Prepositional after "на": "на 1 узле", "на 3 узлах". */
export const ON_NODES: PluralForms = { en: NODES.en, ru: { one: 'узле', few: 'узлах', many: 'узлах', other: 'узлах' } };
/** The verb agreeing with a count that follows it: "его ждёт 1 заявка", "его ждут 3 заявки". */
export const WAIT: PluralForms = { en: { one: 'waits', other: 'wait' }, ru: { one: 'ждёт', few: 'ждут', many: 'ждут', other: 'ждут' } };
/** "почти подходит 1 том", "почти подходят 2 тома". */
export const ALMOST_FIT: PluralForms = { en: { one: 'almost fits', other: 'almost fit' }, ru: { one: 'почти подходит', few: 'почти подходят', many: 'почти подходят', other: 'почти подходят' } };
export const RESTARTS: PluralForms = {
  en: { one: 'restart', other: 'restarts' },
  ru: { one: 'перезапуск', few: 'перезапуска', many: 'перезапусков', other: 'перезапуска' },
};
export const CLASSES: PluralForms = { en: { one: 'class', other: 'classes' }, ru: { one: 'класс', few: 'класса', many: 'классов', other: 'класса' } };
