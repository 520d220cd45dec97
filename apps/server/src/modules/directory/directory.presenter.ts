import { prefectureByCode, telUri, type DirectoryCouncil, type DirectoryMatch } from '@kasseika/domain';
import type { Council, CouncilMatch, DirectoryInfo } from '@kasseika/contracts';
import type { DirectorySourceRow } from './directory.repository';

export function presentCouncil(council: DirectoryCouncil, matchedOfficeIds: readonly string[] = []): Council {
  return {
    id: council.id,
    prefectureCode: council.prefectureCode,
    prefecture: council.prefecture,
    prefectureEn: prefectureByCode(council.prefectureCode)?.nameEn ?? council.prefecture,
    name: council.name,
    operatingBody: council.operatingBody,
    offices: council.offices.map((o) => ({
      id: o.id,
      address: o.address,
      postalCode: o.postalCode,
      phone: o.phone,
      telUri: telUri(o.phone),
      matched: matchedOfficeIds.includes(o.id),
    })),
  };
}

export function presentMatch(match: DirectoryMatch): CouncilMatch {
  return { ...presentCouncil(match.council, match.officeIds), matchedBy: [...match.reasons] };
}

export function presentSource(source: DirectorySourceRow): DirectoryInfo['source'] {
  return { version: source.version, asOf: source.asOf, title: source.title, sha256: source.sha256 };
}

export function presentInfo(source: DirectorySourceRow, councils: readonly DirectoryCouncil[]): DirectoryInfo {
  return {
    source: presentSource(source),
    councilCount: councils.length,
    officeCount: councils.reduce((n, c) => n + c.offices.length, 0),
    headquarters: { ...source.headquarters, telUri: telUri(source.headquarters.phone) },
    relatedBodies: [...source.relatedBodies],
  };
}
