import type { ContactOverride } from '../../../shared/oncall/contact-overrides';
import type { FailsafeDatabase } from '../../app/services/database';

// The responder's own roster changes: a user table, so no import or sync ever touches them.

export async function readOverrides(db: FailsafeDatabase): Promise<ContactOverride[]> {
  return (await db.contactOverrides.toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function saveOverride(db: FailsafeDatabase, override: ContactOverride): Promise<void> {
  await db.contactOverrides.put(override);
}

export async function removeOverride(db: FailsafeDatabase, id: string): Promise<void> {
  await db.contactOverrides.delete(id);
}
