/** Matching a parsed USM-WIF document to an organisation's model: activities by process and name, profiles to roles. */
import type { ProcessKey } from '../usm';
import type { ParsedWif } from './wif-parse';
import type { OrganisationSnapshot } from './snapshot';

export type WifActivityMatch =
  | { status: 'MATCHED'; path: string; process: ProcessKey; name: string; activityId: string }
  | { status: 'UNMATCHED'; path: string; process: ProcessKey; name: string; reason: string };

export interface WifProfileMatch {
  profile: string;
  /** The organisation's role: the same id, else the same name (case/space-insensitive); null if none. */
  roleId: string | null;
}

export interface WifMatch {
  activities: WifActivityMatch[];
  profiles: WifProfileMatch[];
  /** True when every activity and every profile with responsibilities was found. */
  complete: boolean;
}

/** Case-, space- and accent-insensitive form of a name. */
export function matchKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * For each WIF activity, the organisation's live activity in the same process with the same name (compared
 * case- and space-insensitively); an activity with no such name, or with several, is reported unmatched.
 */
export function matchWifToModel(parsed: ParsedWif, snapshot: OrganisationSnapshot): WifMatch {
  const byProcessAndName = new Map<string, string[]>();
  for (const process of snapshot.processes) {
    for (const activity of process.activities) {
      const key = `${process.key}\u0000${matchKey(activity.name)}`;
      byProcessAndName.set(key, [...(byProcessAndName.get(key) ?? []), activity.id]);
    }
  }
  const processName = new Map(snapshot.processes.map((process) => [process.key, process.name]));
  const activities: WifActivityMatch[] = parsed.steps.flatMap((step) =>
    step.activities.map((activity): WifActivityMatch => {
      const candidates = byProcessAndName.get(`${step.process}\u0000${matchKey(activity.name)}`) ?? [];
      const base = { path: activity.path, process: step.process, name: activity.name };
      if (candidates.length === 1) return { status: 'MATCHED', ...base, activityId: candidates[0]! };
      return {
        status: 'UNMATCHED',
        ...base,
        reason:
          candidates.length === 0
            ? `${processName.get(step.process) ?? step.process} has no activity named "${activity.name}".`
            : `${processName.get(step.process) ?? step.process} has ${candidates.length} activities named "${activity.name}".`,
      };
    }),
  );

  const profileName = new Map(parsed.profiles.map((profile) => [profile.id, profile.name]));
  const roleById = new Set(snapshot.roles.map((role) => role.id));
  const roleByName = new Map<string, string[]>();
  for (const role of snapshot.roles) {
    roleByName.set(matchKey(role.name), [...(roleByName.get(matchKey(role.name)) ?? []), role.id]);
  }
  const used = new Set<string>();
  for (const step of parsed.steps) {
    for (const activity of step.activities) {
      for (const r of activity.responsibilities) used.add(r.profile);
      for (const wi of activity.workInstructions) used.add(wi.profile);
    }
  }
  const profiles = [...used].sort().map((profile): WifProfileMatch => {
    if (roleById.has(profile)) return { profile, roleId: profile };
    const byName = roleByName.get(matchKey(profileName.get(profile) ?? profile)) ?? [];
    return { profile, roleId: byName.length === 1 ? byName[0]! : null };
  });
  return {
    activities,
    profiles,
    complete: activities.every((a) => a.status === 'MATCHED') && profiles.every((p) => p.roleId !== null),
  };
}
