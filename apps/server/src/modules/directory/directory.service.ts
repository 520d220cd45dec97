import { parsePostalCode, searchDirectory, type DirectoryAreaHints, type DirectoryCouncil } from '@kasseika/domain';
import type { CouncilDetail, CouncilList, CouncilSearchQuery, DirectoryInfo } from '@kasseika/contracts';
import type { Db } from '../../db/client';
import { ANONYMOUS, withTenantTx } from '../../db/tenant-tx';
import { AppError, notFound } from '../../errors/app-error';
import type { PostalLookup } from '../../providers/postal-lookup';
import { findCurrentSource, listCouncilsWithOffices, type DirectorySourceRow } from './directory.repository';
import { presentCouncil, presentInfo, presentMatch, presentSource } from './directory.presenter';

export interface DirectoryService {
  search(query: CouncilSearchQuery): Promise<CouncilList>;
  getCouncil(slug: string): Promise<CouncilDetail>;
  info(): Promise<DirectoryInfo>;
}

export interface DirectoryServiceDeps {
  readonly db: Db;
  readonly postal: PostalLookup;
}

const NO_DIRECTORY = new AppError('SERVICE_UNAVAILABLE', {
  detail: { ja: '協議会一覧のデータが読み込まれていません', en: 'The council directory has not been loaded' },
});

/** The public council directory: search, detail and contacts. Anonymous, read-only. */
export function createDirectoryService({ db, postal }: DirectoryServiceDeps): DirectoryService {
  const load = (): Promise<{ source: DirectorySourceRow; councils: DirectoryCouncil[] }> =>
    withTenantTx(db, ANONYMOUS, async (tx) => {
      const source = await findCurrentSource(tx);
      if (!source) throw NO_DIRECTORY;
      return { source, councils: await listCouncilsWithOffices(tx) };
    });

  return {
    async search(query) {
      const { source, councils } = await load();
      const hints: DirectoryAreaHints = areaHints(query, postal);
      const matches = searchDirectory(
        councils,
        {
          q: query.q === '' ? undefined : query.q,
          prefectureCode: query.prefecture,
          postalCode: query.postalCode === '' ? undefined : query.postalCode,
          city: query.city,
        },
        hints,
      );
      return { items: matches.map(presentMatch), total: matches.length, source: presentSource(source) };
    },
    async getCouncil(slug) {
      const { source, councils } = await load();
      const council = councils.find((c) => c.id === slug);
      if (!council) throw notFound({ ja: '指定された協議会', en: 'The council' });
      return { ...presentCouncil(council), source: presentSource(source) };
    },
    async info() {
      const { source, councils } = await load();
      return presentInfo(source, councils);
    },
  };
}

/** Resolves postal codes and place names to prefectures with the offline postal data. */
function areaHints(query: CouncilSearchQuery, postal: PostalLookup): DirectoryAreaHints {
  const postalCodes = [query.postalCode, query.q].map((v) => (v ? parsePostalCode(v) : null)).filter((v): v is string => v !== null);
  const cityNames = [query.city, query.q].filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '' && parsePostalCode(v) === null,
  );
  return {
    postalAreaPrefectureCodes: postalCodes.flatMap((p) => postal.prefecturesOfPostalCode(p)),
    cityAreaPrefectureCodes: cityNames.flatMap((c) => postal.prefecturesOfCity(c)),
  };
}
