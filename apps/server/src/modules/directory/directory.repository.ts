import { asc, eq } from 'drizzle-orm';
import type { DirectoryCouncil } from '@kasseika/domain';
import type { Db, Tx } from '../../db/client';
import { councilOffices, councils, directorySources } from '../../db/schema';
import type { DirectoryDataset } from './directory-dataset';

export interface DirectorySourceRow {
  readonly version: string;
  readonly asOf: string;
  readonly title: string;
  readonly sha256: string;
  readonly headquarters: DirectoryDataset['headquarters'];
  readonly relatedBodies: DirectoryDataset['relatedBodies'];
}

/** All councils with their offices, in JIS order. */
export async function listCouncilsWithOffices(tx: Tx): Promise<DirectoryCouncil[]> {
  const rows = await tx
    .select({
      id: councils.id,
      slug: councils.slug,
      prefectureCode: councils.prefectureCode,
      prefecture: councils.prefecture,
      name: councils.name,
      operatingBody: councils.operatingBody,
      officeId: councilOffices.id,
      address: councilOffices.address,
      postalCode: councilOffices.postalCode,
      phone: councilOffices.phone,
    })
    .from(councils)
    .innerJoin(councilOffices, eq(councilOffices.councilId, councils.id))
    .orderBy(asc(councils.id), asc(councilOffices.seq));
  const out: { council: Omit<DirectoryCouncil, 'offices'>; offices: DirectoryCouncil['offices'][number][] }[] = [];
  for (const r of rows) {
    let last = out.at(-1);
    if (!last || last.council.id !== r.slug) {
      last = {
        council: { id: r.slug, prefectureCode: r.prefectureCode, prefecture: r.prefecture, name: r.name, operatingBody: r.operatingBody },
        offices: [],
      };
      out.push(last);
    }
    last.offices.push({ id: r.officeId, address: r.address, postalCode: r.postalCode, phone: r.phone });
  }
  return out.map((c) => ({ ...c.council, offices: c.offices }));
}

/** The directory edition currently loaded. */
export async function findCurrentSource(tx: Tx): Promise<DirectorySourceRow | null> {
  const [row] = await tx.select().from(directorySources).innerJoin(councils, eq(councils.sourceVersion, directorySources.version)).limit(1);
  if (!row) return null;
  const s = row.directory_sources;
  return {
    version: s.version,
    asOf: s.asOf,
    title: s.title,
    sha256: s.sha256,
    headquarters: s.headquarters as DirectorySourceRow['headquarters'],
    relatedBodies: s.relatedBodies as DirectorySourceRow['relatedBodies'],
  };
}

/**
 * Loads a directory edition into the database, idempotently. Runs as the owner (master data is not tenant data
 * and the app role may only read it). Returns whether anything changed.
 */
export async function syncDirectory(db: Db, dataset: DirectoryDataset): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(directorySources).where(eq(directorySources.version, dataset.version));
    const [current] = await tx.select({ v: councils.sourceVersion }).from(councils).limit(1);
    if (existing && existing.sha256 === dataset.source.sha256 && current?.v === dataset.version) return false;
    const sourceRow = {
      version: dataset.version,
      asOf: dataset.source.asOf,
      title: dataset.source.title,
      sha256: dataset.source.sha256,
      headquarters: dataset.headquarters,
      relatedBodies: dataset.relatedBodies,
    };
    await tx
      .insert(directorySources)
      .values(sourceRow)
      .onConflictDoUpdate({ target: directorySources.version, set: { ...sourceRow, loadedAt: new Date() } });
    for (const c of dataset.councils) {
      const row = {
        id: Number(c.prefectureCode),
        slug: c.id,
        prefectureCode: c.prefectureCode,
        prefecture: c.prefecture,
        name: c.name,
        operatingBody: c.operatingBody,
        sourceVersion: dataset.version,
      };
      await tx.insert(councils).values(row).onConflictDoUpdate({ target: councils.id, set: row });
      await tx.delete(councilOffices).where(eq(councilOffices.councilId, row.id));
      await tx.insert(councilOffices).values(
        c.offices.map((o, i) => ({
          id: o.id,
          councilId: row.id,
          seq: i + 1,
          address: o.address,
          postalCode: o.postalCode,
          phone: o.phone,
        })),
      );
    }
    return true;
  });
}
