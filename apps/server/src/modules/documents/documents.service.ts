import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { DocumentItem, DocumentList } from '@kasseika/contracts';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, tenantContextOf, type Actor } from '../../authz/actor';
import type { CaseResource } from '../../authz/actions';
import { authorize, can } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { documents, documentVersions, users } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, notFound } from '../../errors/app-error';
import type { FileStore } from '../../providers/storage/file-store';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseForActor } from '../cases/cases.service';
import { EXTENSION_OF, REFUSAL_TEXT, sniffMediaType } from './media-type';

export type Visibility = 'council_internal' | 'team' | 'company' | 'creditors';
const VISIBILITIES: readonly Visibility[] = ['council_internal', 'team', 'company', 'creditors'];

/** Largest accepted file. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface DocumentsServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly files: FileStore;
  readonly now: () => Date;
}

export interface UploadInput {
  readonly bytes: Buffer;
  readonly filename: string;
}

const DOCUMENT = { ja: '指定された書類', en: 'The document' };

/** A filename safe to echo back (no path, no control characters), at most 200 characters. */
function cleanFilename(name: string, ext: string): string {
  const base = Array.from(name.replace(/^.*[\\/]/, ''))
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '"<>|:*?'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 200);
  return base.length > 0 ? base : `document.${ext}`;
}

/**
 * Typed, versioned documents of a case. Files are identified by their content (never by name), limited in size,
 * checksummed (SHA-256 of the plaintext), encrypted under the council's data key before they touch the disk, and always
 * downloaded as attachments. Who sees a document is its visibility class (enforced by RLS and the policy table);
 * every upload, download and visibility change is audited in the same transaction.
 */
export function createDocumentsService({ db, audit, cipher, files, now }: DocumentsServiceDeps) {
  function record(
    tx: Tx,
    actor: Actor,
    type: 'DOCUMENT_UPLOADED' | 'DOCUMENT_DOWNLOADED' | 'DOCUMENT_VISIBILITY_CHANGED',
    c: CaseResource,
    documentId: string,
    details: Record<string, unknown>,
  ) {
    return audit.record(tx, {
      type,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabel(actor),
      actorRoles: rolesOf(actor),
      councilId: c.councilId,
      caseId: c.caseId,
      targetType: 'document',
      targetId: documentId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  /** Checks and encrypts the bytes and stores them; returns the version row's values (the caller inserts it). */
  async function storeBytes(councilId: number, versionId: string, upload: UploadInput) {
    const sniffed = sniffMediaType(upload.bytes);
    if (!sniffed.ok) {
      throw new AppError(sniffed.refusal === 'EMPTY' ? 'VALIDATION_FAILED' : 'UNSUPPORTED_MEDIA_TYPE', {
        detail: REFUSAL_TEXT[sniffed.refusal],
        ...(sniffed.refusal === 'EMPTY' ? { issues: [{ pointer: '/body/file', code: 'file.empty', message: REFUSAL_TEXT.EMPTY }] } : {}),
      });
    }
    const sealed = await cipher.encryptBytes(councilId, upload.bytes, `document_versions:${versionId}`);
    const storageKey = await files.put(`council-${councilId}/${now().toISOString().slice(0, 7)}`, sealed);
    return {
      mediaType: sniffed.mediaType,
      filename: cleanFilename(upload.filename, EXTENSION_OF[sniffed.mediaType]),
      sizeBytes: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      storageKey,
    };
  }

  function allowedVisibilities(actor: Actor, c: CaseResource): Visibility[] {
    return VISIBILITIES.filter((v) => can(actor, 'case.documents.upload', { ...c, visibility: v }));
  }

  async function present(tx: Tx, actor: Actor, c: CaseResource, docs: (typeof documents.$inferSelect)[]): Promise<DocumentItem[]> {
    if (docs.length === 0) return [];
    const versions = await tx
      .select({ v: documentVersions, uploader: users.displayName })
      .from(documentVersions)
      .leftJoin(users, eq(users.id, documentVersions.uploadedBy))
      .where(
        inArray(
          documentVersions.documentId,
          docs.map((d) => d.id),
        ),
      )
      .orderBy(asc(documentVersions.version));
    const mayManage = can(actor, 'case.documents.manage', c);
    return docs.map((d) => ({
      id: d.id,
      caseId: c.caseId,
      docType: d.docType,
      title: d.title,
      visibility: d.visibility,
      createdAt: d.createdAt.toISOString(),
      versions: versions
        .filter((x) => x.v.documentId === d.id)
        .map(({ v, uploader }) => ({
          version: v.version,
          filename: v.filename,
          mediaType: v.mediaType,
          sizeBytes: v.sizeBytes,
          sha256: v.sha256,
          uploadedAt: v.uploadedAt.toISOString(),
          uploadedBy: uploader,
        })),
      abilities: { addVersion: can(actor, 'case.documents.upload', { ...c, visibility: d.visibility }), changeVisibility: mayManage },
    }));
  }

  async function findDocument(tx: Tx, caseId: string, documentId: string) {
    const [d] = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.caseId, caseId)));
    if (!d) throw notFound(DOCUMENT);
    return d;
  }

  /** Decrypts one version, checks its SHA-256 and audits the download (same transaction); 404 for an unknown one. */
  async function openVersion(
    tx: Tx,
    actor: Actor,
    resource: CaseResource,
    documentId: string,
    version: number,
    details: Record<string, unknown> = {},
  ): Promise<{ body: Buffer; filename: string; contentType: string }> {
    const doc = await findDocument(tx, resource.caseId, documentId);
    const [v] = await tx
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.version, version)));
    if (!v) throw notFound({ ja: '指定された版', en: 'The version' });
    const plain = await cipher.decryptBytes(resource.councilId, await files.get(v.storageKey), `document_versions:${v.id}`);
    const digest = createHash('sha256').update(plain).digest('hex');
    if (digest !== v.sha256) throw new Error(`document ${doc.id} v${version}: checksum mismatch`);
    await record(tx, actor, 'DOCUMENT_DOWNLOADED', resource, doc.id, { version, ...details });
    return { body: plain, filename: v.filename, contentType: v.mediaType };
  }

  return {
    async list(actor: Actor, caseId: string): Promise<DocumentList> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.documents.read', resource);
        const rows = await tx.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(desc(documents.createdAt));
        const allowed = allowedVisibilities(actor, resource);
        return { items: await present(tx, actor, resource, rows), abilities: { upload: allowed.length > 0, allowedVisibilities: allowed } };
      });
    },

    async upload(
      actor: Actor,
      caseId: string,
      meta: { docType: (typeof documents.$inferSelect)['docType']; title: string; visibility: Visibility },
      file: UploadInput,
    ): Promise<DocumentItem> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.documents.read', resource);
        authorize(actor, 'case.documents.upload', { ...resource, visibility: meta.visibility });
        const [doc] = await tx
          .insert(documents)
          .values({
            councilId: resource.councilId,
            caseId,
            docType: meta.docType,
            title: meta.title,
            visibility: meta.visibility,
            createdBy: actor.userId,
          })
          .returning();
        if (!doc) throw new Error('document not inserted');
        const versionId = crypto.randomUUID();
        const stored = await storeBytes(resource.councilId, versionId, file);
        await tx
          .insert(documentVersions)
          .values({ id: versionId, documentId: doc.id, councilId: resource.councilId, version: 1, uploadedBy: actor.userId, ...stored });
        await record(tx, actor, 'DOCUMENT_UPLOADED', resource, doc.id, {
          version: 1,
          docType: meta.docType,
          visibility: meta.visibility,
          sha256: stored.sha256,
        });
        const [item] = await present(tx, actor, resource, [doc]);
        if (!item) throw new Error('document not presented');
        return item;
      });
    },

    async addVersion(actor: Actor, caseId: string, documentId: string, file: UploadInput): Promise<DocumentItem> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.documents.read', resource);
        const doc = await findDocument(tx, caseId, documentId);
        authorize(actor, 'case.documents.upload', { ...resource, visibility: doc.visibility });
        // Serialise version numbers per document (a concurrent upload waits for this one).
        await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, doc.id)).for('update');
        const [last] = await tx
          .select({ v: max(documentVersions.version) })
          .from(documentVersions)
          .where(eq(documentVersions.documentId, doc.id));
        const version = (last?.v ?? 0) + 1;
        const versionId = crypto.randomUUID();
        const stored = await storeBytes(resource.councilId, versionId, file);
        await tx
          .insert(documentVersions)
          .values({ id: versionId, documentId: doc.id, councilId: resource.councilId, version, uploadedBy: actor.userId, ...stored });
        await record(tx, actor, 'DOCUMENT_UPLOADED', resource, doc.id, { version, sha256: stored.sha256 });
        const [item] = await present(tx, actor, resource, [doc]);
        if (!item) throw new Error('document not presented');
        return item;
      });
    },

    async download(
      actor: Actor,
      caseId: string,
      documentId: string,
      version: number,
    ): Promise<{ body: Buffer; filename: string; contentType: string }> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.documents.read', resource);
        return openVersion(tx, actor, resource, documentId, version);
      });
    },

    /**
     * One version for a download another module has already authorised in its own transaction (the 再チャレンジ handover
     * package: the referred lawyer, who holds no documents scope, downloads exactly the versions the company consented
     * to). Same checksum check, same attachment answer, same `DOCUMENT_DOWNLOADED` audit event (with `details`).
     */
    downloadAuthorised: openVersion,

    async changeVisibility(actor: Actor, caseId: string, documentId: string, visibility: Visibility): Promise<DocumentItem> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.documents.read', resource);
        const doc = await findDocument(tx, caseId, documentId);
        authorize(actor, 'case.documents.manage', resource);
        const [updated] = await tx.update(documents).set({ visibility }).where(eq(documents.id, doc.id)).returning();
        await record(tx, actor, 'DOCUMENT_VISIBILITY_CHANGED', resource, doc.id, { from: doc.visibility, to: visibility });
        const [item] = await present(tx, actor, resource, [updated ?? doc]);
        if (!item) throw new Error('document not presented');
        return item;
      });
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
