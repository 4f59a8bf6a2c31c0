// Types of bin/resident.js for the resident renderer's server (src/resident).
import type { Stats } from 'node:fs';

export const PROTOCOL: number;
export function residentDirectory(env?: NodeJS.ProcessEnv): string;
export function residentSocketPath(directory: string, folder: string): string;
export function isPrivateDirectory(stat: Stats, uid?: number): boolean;
export function relevantEnv(env?: NodeJS.ProcessEnv): Record<string, string>;
export function toolIdentity(bundleDir: string): string;
export interface ResidentWork {
  command: 'render' | 'check';
  files: string[];
  flags: { out?: string; to?: string; verbose?: true; format?: 'text' | 'json' };
}
export function residentCommand(args: string[]): ResidentWork | undefined;
export function askResident(args: string[], bundleDir: string): Promise<number | undefined>;
