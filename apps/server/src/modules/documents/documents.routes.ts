import {
  changeVisibilityBodySchema,
  caseIdParamsSchema,
  documentListSchema,
  documentParamsSchema,
  documentSchema,
  documentVersionParamsSchema,
  uploadDocumentFieldsSchema,
} from '@kasseika/contracts';
import { fileResponseSchema, routesFor } from '../../http/route';
import { readUploadWithFields } from '../../http/upload';
import { parsePart } from '../../http/validation';
import { invalid } from '../../errors/app-error';
import { MAX_DOCUMENT_BYTES, type DocumentsService } from './documents.service';

export interface DocumentsRouteDeps {
  readonly documents: DocumentsService;
}

const route = routesFor<DocumentsRouteDeps>();

const UPLOAD = {
  field: 'file',
  description:
    'multipart/form-data: the fields docType, title and visibility first, then the file (PDF, .xlsx, CSV or PNG/JPEG/GIF/WebP, at most 20 MB). The content is identified by its bytes, not its name.',
} as const;

export const documentsRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/documents',
    operationId: 'listCaseDocuments',
    summary: 'The documents of a case I may see (by visibility class), with their versions',
    tags: ['documents'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'Documents', schema: documentListSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.documents.list(actor, params.caseId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/documents',
    operationId: 'uploadCaseDocument',
    summary: 'Upload a typed document (version 1)',
    tags: ['documents'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    upload: UPLOAD,
    success: { status: 201, description: 'The new document', schema: documentSchema },
    problems: [401, 403, 404, 413, 415, 422],
    handler: async ({ params }, { deps, actor, req }) => {
      const upload = await readUploadWithFields(req, MAX_DOCUMENT_BYTES);
      const fields = parsePart('body', uploadDocumentFieldsSchema, upload.fields);
      if (!fields.ok) throw invalid(fields.issues);
      return deps.documents.upload(actor, params.caseId, fields.data, upload);
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/documents/{documentId}/versions',
    operationId: 'addDocumentVersion',
    summary: 'Upload a new version of a document (earlier versions stay)',
    tags: ['documents'],
    access: { kind: 'signedIn' },
    params: documentParamsSchema,
    upload: { field: 'file', description: 'multipart/form-data with one file (same rules as the first upload)' },
    success: { status: 201, description: 'The document with its versions', schema: documentSchema },
    problems: [401, 403, 404, 413, 415, 422],
    handler: async ({ params }, { deps, actor, req }) => {
      const upload = await readUploadWithFields(req, MAX_DOCUMENT_BYTES);
      return deps.documents.addVersion(actor, params.caseId, params.documentId, upload);
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/documents/{documentId}/versions/{version}/content',
    operationId: 'downloadDocumentVersion',
    summary: 'Download one version (always as an attachment; audited)',
    tags: ['documents'],
    access: { kind: 'signedIn' },
    params: documentVersionParamsSchema,
    success: { status: 200, description: 'The file', schema: fileResponseSchema, file: { contentType: 'application/octet-stream' } },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.documents.download(actor, params.caseId, params.documentId, params.version),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/cases/{caseId}/documents/{documentId}',
    operationId: 'changeDocumentVisibility',
    summary: 'Change who may see a document (council case workers)',
    tags: ['documents'],
    access: { kind: 'signedIn' },
    params: documentParamsSchema,
    body: changeVisibilityBodySchema,
    success: { status: 200, description: 'The document', schema: documentSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params, body }, { deps, actor }) =>
      deps.documents.changeVisibility(actor, params.caseId, params.documentId, body.visibility),
  }),
];
