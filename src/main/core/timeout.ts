/** Per-call time limits, so a stuck call answers with a message instead of leaving the UI spinning. */
import { unavailable } from './errors';

export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        const limit = ms < 1000 ? { en: `${ms} ms`, ru: `${ms} мс` } : { en: `${Math.round(ms / 1000)} s`, ru: `${Math.round(ms / 1000)} с` };
        reject(
          unavailable(
            `${what} did not answer within ${limit.en}. Check the cluster's connection and try again.`,
            `${what} не ответил за ${limit.ru}. Проверьте связь с кластером и повторите.`,
          ),
        );
      },
      ms,
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
