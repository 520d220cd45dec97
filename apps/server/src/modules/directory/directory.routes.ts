import {
  councilDetailSchema,
  councilIdParamsSchema,
  councilListSchema,
  councilSearchQuerySchema,
  directoryInfoSchema,
} from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import type { DirectoryService } from './directory.service';

export interface DirectoryRouteDeps {
  readonly directory: DirectoryService;
}

const route = routesFor<DirectoryRouteDeps>();

export const directoryRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/councils',
    operationId: 'listCouncils',
    summary: 'List and search the 47 councils',
    description:
      'Searches the council directory by free text (prefecture, council, operating body, city, 〒), prefecture code, ' +
      'postal code (full or leading digits) or city. Criteria combine with AND; no criteria lists all 47 councils in JIS order. ' +
      'A full postal code or a city name outside any office resolves to its prefecture with offline postal data (matchedBy postalArea / cityArea).',
    tags: ['directory'],
    access: { kind: 'public' },
    query: councilSearchQuerySchema,
    success: { status: 200, description: 'Matching councils with their offices', schema: councilListSchema },
    problems: [422, 503],
    cache: 'public-short',
    handler: ({ query }, { deps }) => deps.directory.search(query),
  }),
  route({
    method: 'GET',
    path: '/api/v1/councils/{councilId}',
    operationId: 'getCouncil',
    summary: 'One council with its offices',
    tags: ['directory'],
    access: { kind: 'public' },
    params: councilIdParamsSchema,
    success: { status: 200, description: 'The council', schema: councilDetailSchema },
    problems: [404, 422, 503],
    cache: 'public-short',
    handler: ({ params }, { deps }) => deps.directory.getCouncil(params.councilId),
  }),
  route({
    method: 'GET',
    path: '/api/v1/directory',
    operationId: 'getDirectoryInfo',
    summary: 'Directory edition, national HQ contact and related support bodies',
    tags: ['directory'],
    access: { kind: 'public' },
    success: { status: 200, description: 'Directory information', schema: directoryInfoSchema },
    problems: [503],
    cache: 'public-short',
    handler: (_input, { deps }) => deps.directory.info(),
  }),
];
