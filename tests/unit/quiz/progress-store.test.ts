import { describe, it, expect } from 'vitest';
import {
  clearProgress,
  loadProgress,
  progressKey,
  saveProgress,
  type Progress,
} from '../../../src/lib/quiz/progress-store.ts';

const progress: Progress = {
  step: 2,
  answers: { q1: ['si'] },
  contact: { nome: 'Mario' },
  marketing: false,
  startToken: 'firmato',
  context: { utm: {} },
  attempt: null,
  done: null,
};

/** A sessionStorage stand-in; `broken` makes every call throw, as a forbidden or full storage does. */
function storage(initial: Record<string, string> = {}, broken = false) {
  const items = new Map(Object.entries(initial));
  const guard = () => {
    if (broken) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return {
    items,
    getItem: (key: string) => (guard(), items.get(key) ?? null),
    setItem: (key: string, value: string) => (guard(), void items.set(key, value)),
    removeItem: (key: string) => (guard(), void items.delete(key)),
  };
}

describe('progress in sessionStorage', () => {
  it('keys the progress by test and version', () => {
    expect(progressKey('test-gratuito', '2026-11-29')).toBe('sv-test:test-gratuito:2026-11-29');
  });

  it('reads back what it saved, under its key only', () => {
    const store = storage();
    saveProgress(store, 'k', progress);
    expect(loadProgress(store, 'k')).toEqual(progress);
    expect(loadProgress(store, 'altra')).toBeNull();
    clearProgress(store, 'k');
    expect(store.items.size).toBe(0);
    expect(loadProgress(store, 'k')).toBeNull();
  });

  it.each([
    ['bad JSON', '{"step":'],
    ['null', 'null'],
    ['a number', '3'],
    ['no step', '{"answers":{}}'],
    ['a step that is text', '{"step":"2","answers":{}}'],
    ['no answers', '{"step":2}'],
    ['answers that are text', '{"step":2,"answers":"q1"}'],
    ['answers that are null', '{"step":2,"answers":null}'],
  ])('ignores a saved value that is %s', (_name, saved) => {
    expect(loadProgress(storage({ k: saved }), 'k')).toBeNull();
  });

  it('accepts the smallest valid progress', () => {
    expect(loadProgress(storage({ k: '{"step":0,"answers":{}}' }), 'k')).toEqual({ step: 0, answers: {} });
  });

  it('goes on without storage, or with a storage that refuses', () => {
    const broken = storage({ k: JSON.stringify(progress) }, true);
    expect(loadProgress(undefined, 'k')).toBeNull();
    expect(loadProgress(broken, 'k')).toBeNull();
    expect(() => saveProgress(undefined, 'k', progress)).not.toThrow();
    expect(() => saveProgress(broken, 'k', progress)).not.toThrow();
    expect(() => clearProgress(undefined, 'k')).not.toThrow();
    expect(() => clearProgress(broken, 'k')).not.toThrow();
    expect(broken.items.has('k')).toBe(true);
  });
});
