// The web build's stand-in for src/node/sidecarFs.ts: on the web there is no local disk, so no lock files of the
// CLI's to respect and no symbolic links to follow (annotations.ts uses these only for file: URIs).

export async function lockFile(_real: string): Promise<() => Promise<void>> {
  return async () => undefined;
}

export function targetOf(path: string): string {
  return path;
}

export function staleTemps(_real: string): string[] {
  return [];
}

export function replaceFile(_from: string, _to: string): boolean {
  return false;
}
