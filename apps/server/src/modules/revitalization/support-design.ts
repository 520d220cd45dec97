import type { SaveSupportDesignBody } from '@kasseika/contracts';
import { compareWithLiquidation, seeksForgiveness, type ForgivenessRequirementSet, type LiquidationComparison } from '@kasseika/domain';
import type { FieldIssue } from '@kasseika/contracts';

type Issue = FieldIssue;

const issue = (pointer: string, code: string, ja: string, en: string): Issue => ({
  pointer: `/body/${pointer}`,
  code,
  message: { ja, en },
});
const pct = (bp: number) => (bp / 100).toFixed(2);

/**
 * Checks a 金融支援策 design (REFERENCE §3.3 step 5, §3.6): each chosen measure has its amount; when forgiveness is
 * sought (債権放棄, DES, 第二会社方式), every configured requirement is answered and the liquidation-basis comparison
 * is given — and the 清算価値保障 item cannot be "met" when the plan recovers no more than a liquidation.
 */
export function checkSupportDesign(
  body: SaveSupportDesignBody,
  requirements: ForgivenessRequirementSet,
): { issues: Issue[]; seeksForgiveness: boolean; comparison: LiquidationComparison | null } {
  const issues: Issue[] = [];
  const has = (m: SaveSupportDesignBody['measures'][number]) => body.measures.includes(m);
  if (has('rescheduling') && body.reschedulingGraceMonths === undefined)
    issues.push(
      issue(
        'reschedulingGraceMonths',
        'supportDesign.graceMonths',
        '元金据置期間（か月）を入力してください',
        'Give the interest-only period in months',
      ),
    );
  if (has('dds') && !body.ddsAmount)
    issues.push(issue('ddsAmount', 'supportDesign.amount', 'DDSの金額を入力してください', 'Give the DDS amount'));
  if (has('des') && !body.desAmount)
    issues.push(issue('desAmount', 'supportDesign.amount', 'DESの金額を入力してください', 'Give the DES amount'));
  if ((has('forgiveness') || has('second_company')) && !body.forgivenessAmount)
    issues.push(
      issue(
        'forgivenessAmount',
        'supportDesign.amount',
        '債権放棄額（実質的な放棄額を含む）を入力してください',
        'Give the amount forgiven (including de facto forgiveness)',
      ),
    );
  const known = new Set(requirements.items.map((i) => i.key));
  body.requirements.forEach((r, i) => {
    if (!known.has(r.key))
      issues.push(
        issue(`requirements/${i}/key`, 'supportDesign.requirementKey', '要件の指定が正しくありません', 'The requirement is not valid'),
      );
  });
  const forgiveness = seeksForgiveness(body.measures);
  let comparison: LiquidationComparison | null = null;
  if (body.liquidation) {
    const result = compareWithLiquidation({
      ...body.liquidation,
      forgivenessAmount: (body.forgivenessAmount ?? 0) + (body.desAmount ?? 0),
    });
    if ('error' in result)
      issues.push(
        issue(
          'liquidation',
          'supportDesign.liquidation',
          '清算BSの金額を確認してください（非保全債権は放棄額・DES額以上で、0より大きくします）',
          `Check the liquidation figures: ${result.error}`,
        ),
      );
    else comparison = result;
  }
  if (forgiveness) {
    const answered = new Set(body.requirements.map((r) => r.key));
    const missing = requirements.items.filter((i) => !answered.has(i.key));
    if (missing.length > 0)
      issues.push(
        issue(
          'requirements',
          'supportDesign.requirements',
          `債権放棄等を求める場合の要件に回答してください（${missing.map((m) => m.label.ja).join('、')}）`,
          `Answer every requirement for forgiveness (${missing.map((m) => m.label.en).join(', ')})`,
        ),
      );
    if (!body.liquidation)
      issues.push(
        issue(
          'liquidation',
          'supportDesign.liquidation',
          '清算BSによる比較（清算価値保障）を入力してください',
          'Give the liquidation-basis comparison',
        ),
      );
    const liquidationItems = new Set(requirements.items.filter((i) => i.liquidationComparison).map((i) => i.key));
    const claimed = body.requirements.find((r) => liquidationItems.has(r.key) && r.status === 'met');
    if (claimed && comparison && !comparison.met)
      issues.push(
        issue(
          `requirements/${body.requirements.indexOf(claimed)}/status`,
          'supportDesign.liquidationNotMet',
          `清算価値保障を満たしていません（計画の回収率 ${pct(comparison.planRecoveryBp)}% ≦ 清算配当率 ${pct(comparison.liquidationDividendBp)}%）`,
          `The liquidation-value test is not met (plan recovery ${pct(comparison.planRecoveryBp)}% ≤ liquidation dividend ${pct(comparison.liquidationDividendBp)}%)`,
        ),
      );
  }
  return { issues, seeksForgiveness: forgiveness, comparison };
}
