/** Types of cli-bundle.mjs (plain JavaScript so that bin/kse.mjs can run it before anything is built). */
export declare const BUNDLE_DIR: string;
export declare const CONTENTS: string;
export declare class CliBundleError extends Error {}
export interface BundleState {
  state: 'current' | 'missing' | 'stale';
  entry?: string;
  reason?: string;
  checkout: boolean;
}
export declare function bundleState(root: string): BundleState;
export declare function buildCliBundle(root: string): Promise<{ entry: string; millis: number }>;
