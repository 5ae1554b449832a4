/**
 * External (fanpage) snapshots: counts read at a moment with evidence. Only a snapshot confirmed by a
 * second, different secretary counts, and for each entry the confirmed one nearest before the cut-off.
 */
import { DomainError } from '../errors.js';

export interface SnapshotLike {
  id: string;
  entryId: string;
  takenAt: string;
  recordedBy: string;
  confirmedBy: string | null;
}

export const isConfirmed = (s: SnapshotLike): boolean =>
  s.confirmedBy !== null && s.confirmedBy !== s.recordedBy;

/** Per entry, the confirmed snapshot taken at or before `cutoff` that is latest (ties: the later id). */
export function countingSnapshots<T extends SnapshotLike>(
  snapshots: readonly T[],
  cutoff: Date,
): Map<string, T> {
  const best = new Map<string, T>();
  for (const s of snapshots) {
    if (!isConfirmed(s)) continue;
    const t = Date.parse(s.takenAt);
    if (t > cutoff.getTime()) continue;
    const cur = best.get(s.entryId);
    if (!cur || t > Date.parse(cur.takenAt) || (t === Date.parse(cur.takenAt) && s.id > cur.id))
      best.set(s.entryId, s);
  }
  return best;
}

/** The two-person rule: whoever recorded a snapshot may not confirm it; a confirmed one stays confirmed. */
export function assertCanConfirm(s: SnapshotLike, userId: string): void {
  if (s.confirmedBy !== null)
    throw new DomainError('conflict', 'snapshot_already_confirmed', {
      vi: 'Số liệu này đã được xác nhận.',
      en: 'This snapshot is already confirmed.',
    });
  if (s.recordedBy === userId)
    throw new DomainError('forbidden', 'snapshot_same_person', {
      vi: 'Người nhập số liệu không thể tự xác nhận; cần một thư ký khác.',
      en: 'Whoever recorded a snapshot cannot confirm it; another secretary must.',
    });
}
