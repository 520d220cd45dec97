import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dataDir } from '../../config/paths';

/**
 * The versioned council directory under data/directory/<version>/directory.json, generated from the pamphlet by
 * `npm run generate` (scripts/directory/). The newest version is loaded into the database at start.
 */
export const directoryDatasetSchema = z.strictObject({
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.strictObject({
    title: z.string(),
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  councils: z
    .array(
      z.strictObject({
        id: z.string(),
        prefectureCode: z.string().regex(/^\d{2}$/),
        prefecture: z.string(),
        name: z.string(),
        operatingBody: z.string(),
        offices: z
          .array(
            z.strictObject({
              id: z.string(),
              address: z.string().min(1),
              postalCode: z.string().regex(/^\d{3}-\d{4}$/),
              phone: z.string().regex(/^0\d{1,4}-\d{1,4}-\d{4}$/),
            }),
          )
          .min(1),
      }),
    )
    .length(47),
  headquarters: z.strictObject({
    name: z.string(),
    organization: z.string(),
    department: z.string(),
    phone: z.string(),
    fax: z.string(),
    postalCode: z.string(),
    address: z.string(),
  }),
  relatedBodies: z.array(z.strictObject({ id: z.enum(['yorozu', 'business-succession']), name: z.string(), description: z.string() })),
});

export type DirectoryDataset = z.infer<typeof directoryDatasetSchema>;

export const directoryDataRoot = join(dataDir, 'directory');

/** Versions present under data/directory, oldest first. */
export function listDirectoryVersions(root = directoryDataRoot): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}-\d{2}-\d{2}$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** Loads and validates one version (the newest by default). */
export function loadDirectoryDataset(version?: string, root = directoryDataRoot): DirectoryDataset {
  const v = version ?? listDirectoryVersions(root).at(-1);
  if (!v) throw new Error(`no directory data under ${root}`);
  const raw: unknown = JSON.parse(readFileSync(join(root, v, 'directory.json'), 'utf8'));
  return directoryDatasetSchema.parse(raw);
}
