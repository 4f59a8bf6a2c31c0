// Types of bin/build-unchanged.js for the build (src/build) and its tests.
export interface RecordedStat {
  size: number;
  mtimeMs: number;
  ino: number;
  racy?: true;
}
export const MANIFEST_NAME: string;
export const MANIFEST_VERSION: number;
export const CONFIG_FILE_NAME: string;
export function inputKey(shared: string, inputHash: string, planHash: string | undefined): string;
export function sameStat(recorded: RecordedStat | undefined | null, current: { size: number; mtimeMs: number; ino: number }): boolean;
export function formatsOf(value: string): string[] | undefined;
export interface PlainBuild {
  dir: string;
  out: string;
  formats: string[];
  templates?: string;
  config?: string;
}
export function plainBuild(args: string[]): PlainBuild | undefined;
export function answerUnchanged(args: string[], root: string): Promise<number | undefined>;
