import { eq } from 'drizzle-orm';
import { addBusinessDays } from '@kasseika/domain';
import type { Database } from '../db/client';
import { caseInterviews, caseIssues, caseTasks, users } from '../db/schema';
import { withTenantTx } from '../db/tenant-tx';
import { japaneseHolidays, jstDate } from '../modules/casework/japanese-calendar';
import type { FieldCipher } from '../security/field-cipher';

/**
 * Demo case work on 有限会社サンプル食品 (東京): an interview, a problem with advice, an open task and one that is
 * overdue (so the council's overdue list has something to show). Idempotent: skipped when the case has tasks.
 */
export async function seedCaseworkDemo(database: Database, cipher: FieldCipher, caseId: string, now = new Date()): Promise<void> {
  await withTenantTx(database.db, { councilId: 13, userId: null, roles: ['council_staff'] }, async (tx) => {
    const [hasTask] = await tx.select({ id: caseTasks.id }).from(caseTasks).where(eq(caseTasks.caseId, caseId)).limit(1);
    if (hasTask) return;
    const [staff] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'staff.tokyo@demo.kasseika.jp'));
    const [pm] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'pm.tokyo@demo.kasseika.jp'));
    if (!staff || !pm) return;
    const today = jstDate(now);
    // Ten calendar days back, moved to a business day: an overdue deadline whatever today is.
    const past = addBusinessDays(jstDate(new Date(now.getTime() - 10 * 86_400_000)), 0, japaneseHolidays);
    const enc = (column: string, text: string) => cipher.encrypt(13, text, `${column}:${caseId}`);
    await tx.insert(caseInterviews).values({
      councilId: 13,
      caseId,
      heldOn: past,
      attendeesEnc: await enc('case_interviews.attendees', '代表取締役、経理担当、統括責任者'),
      notesEnc: await enc('case_interviews.notes', '主力商品の原材料費が上がり、2期連続で営業赤字。資金繰りは3か月程度の余裕。'),
      recordedBy: pm.id,
    });
    await tx.insert(caseIssues).values({
      councilId: 13,
      caseId,
      issueEnc: await enc('case_issues.issue', '原価管理ができておらず、値上げの判断ができていない'),
      adviceEnc: await enc('case_issues.advice', '商品別の原価計算表を作り、採算の悪い商品から価格改定を検討する'),
      adviceAt: now,
      createdBy: pm.id,
    });
    await tx.insert(caseTasks).values([
      {
        councilId: 13,
        caseId,
        stage: 'desk_consultation',
        checklistKey: 'desk.borrowings',
        title: '金融機関別借入明細の受領',
        assigneeUserId: staff.id,
        dueOn: past,
        remindOn: past,
        remindedAt: now,
        createdBy: pm.id,
      },
      {
        councilId: 13,
        caseId,
        stage: 'desk_consultation',
        checklistKey: 'desk.triage',
        title: '振り分け判断（統括責任者）',
        assigneeUserId: pm.id,
        dueOn: addBusinessDays(today, 10, japaneseHolidays),
        createdBy: pm.id,
      },
    ]);
  });
}
