import { date, index, jsonb, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';

/**
 * Public master data: the council directory from the national pamphlet (data/directory/). Not tenant data —
 * readable by everyone, written only by the master-data sync at start (as the owner, never by the app role).
 */
export const directorySources = pgTable('directory_sources', {
  version: text('version').primaryKey(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  sha256: text('sha256').notNull(),
  headquarters: jsonb('headquarters').notNull(),
  relatedBodies: jsonb('related_bodies').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const councils = pgTable(
  'councils',
  {
    /** JIS X 0401 prefecture code as a number (1–47); the tenant key of every tenant table. */
    id: smallint('id').primaryKey(),
    slug: text('slug').notNull(),
    prefectureCode: text('prefecture_code').notNull(),
    prefecture: text('prefecture').notNull(),
    name: text('name').notNull(),
    operatingBody: text('operating_body').notNull(),
    sourceVersion: text('source_version')
      .notNull()
      .references(() => directorySources.version),
  },
  (t) => [unique('councils_slug_key').on(t.slug)],
);

export const councilOffices = pgTable(
  'council_offices',
  {
    id: text('id').primaryKey(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    seq: smallint('seq').notNull(),
    address: text('address').notNull(),
    postalCode: text('postal_code').notNull(),
    phone: text('phone').notNull(),
  },
  (t) => [index('council_offices_council_idx').on(t.councilId, t.seq)],
);
