/**
 * Offline check of package-lock.json against scripts/known-bad-packages.json: exact versions of npm
 * packages published with malicious code. It needs no network, so it runs even where the registry
 * refuses `npm audit`; it only knows the incidents listed there (see that file's `about`).
 */
export interface KnownBadList {
  incidents: { name: string; source: string; versions: Record<string, string[]> }[];
}

export interface KnownBadFinding {
  /** Where the lock file installs it, e.g. `node_modules/a/node_modules/chalk`. */
  path: string;
  name: string;
  version: string;
  incident: string;
}

interface LockFile {
  packages?: Record<string, { version?: string; name?: string; link?: boolean }>;
  /** lockfileVersion 1 (npm 6): a tree of dependencies. */
  dependencies?: Record<string, LockV1Dependency>;
}
interface LockV1Dependency {
  version?: string;
  dependencies?: Record<string, LockV1Dependency>;
}

/** Every package the lock file installs: lockfileVersion 2/3 `packages`, else the v1 `dependencies` tree. */
export function lockedPackages(lock: LockFile): { path: string; name: string; version: string }[] {
  if (lock.packages) {
    return Object.entries(lock.packages).flatMap(([path, entry]) => {
      const at = path.lastIndexOf('node_modules/');
      if (at < 0 || !entry.version || entry.link) return [];
      // The name is the path after the last node_modules/ (aliases: the entry's own name).
      return [{ path, name: entry.name ?? path.slice(at + 'node_modules/'.length), version: entry.version }];
    });
  }
  const out: { path: string; name: string; version: string }[] = [];
  const walk = (deps: Record<string, LockV1Dependency> | undefined, parent: string) => {
    for (const [name, dep] of Object.entries(deps ?? {})) {
      const path = `${parent}node_modules/${name}`;
      if (dep.version) out.push({ path, name, version: dep.version });
      walk(dep.dependencies, `${path}/`);
    }
  };
  walk(lock.dependencies, '');
  return out;
}

export function findKnownBad(lock: LockFile, list: KnownBadList): KnownBadFinding[] {
  const bad = new Map<string, string>();
  for (const incident of list.incidents) {
    for (const [name, versions] of Object.entries(incident.versions))
      for (const version of versions) bad.set(`${name}@${version}`, incident.name);
  }
  return lockedPackages(lock).flatMap(({ path, name, version }) => {
    const incident = bad.get(`${name}@${version}`);
    return incident ? [{ path, name, version, incident }] : [];
  });
}

/** The one line CI prints. */
export function describeKnownBad(findings: KnownBadFinding[], list: KnownBadList, lockedCount: number): string {
  const listed = list.incidents.reduce((n, incident) => n + Object.values(incident.versions).flat().length, 0);
  if (findings.length === 0)
    return `known-bad versions: none of ${listed} listed versions (${list.incidents.length} incidents) among the ${lockedCount} packages of package-lock.json`;
  return `known-bad versions in package-lock.json: ${findings.map((f) => `${f.name}@${f.version} at ${f.path} (${f.incident})`).join('; ')}`;
}
