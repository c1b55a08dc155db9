import { describe, expect, it } from 'vitest';
import { pageQuery, RAW_LIST_PATHS, RAW_PAGE_SIZE } from './raw-list';

describe('pageQuery', () => {
  it('asks for the first page with the limit only', () => {
    expect(pageQuery('/api/v1/pods', RAW_PAGE_SIZE, undefined)).toBe('/api/v1/pods?limit=500');
  });
  it('carries the continue token, escaped', () => {
    expect(pageQuery('/api/v1/pods', 500, 'eyJ2Ijoi+/=')).toBe('/api/v1/pods?limit=500&continue=eyJ2Ijoi%2B%2F%3D');
  });
});

describe('RAW_LIST_PATHS', () => {
  it('are the four collections kubectl gets in the benchmark, cluster-wide', () => {
    expect(RAW_LIST_PATHS.map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual(['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods']);
    expect(RAW_LIST_PATHS.every((p) => !p.includes('/namespaces/'))).toBe(true);
  });
});
