/**
 * Mail texts. Every message is Japanese first with the English version below, because the recipient may not have
 * an account (and so no language preference) yet.
 */
export type MailTemplate =
  | { readonly kind: 'password_reset'; readonly link: string; readonly expiresMinutes: number }
  | { readonly kind: 'email_verification'; readonly link: string; readonly expiresMinutes: number }
  | {
      readonly kind: 'invitation';
      readonly link: string;
      readonly inviter: string;
      readonly organization: string;
      readonly roleJa: string;
      readonly roleEn: string;
      readonly expiresHours: number;
    }
  // public consultation intake (issue 5)
  | {
      readonly kind: 'consultation_verification';
      readonly link: string;
      readonly referenceNo: string;
      readonly councilName: string;
      readonly expiresHours: number;
    }
  | { readonly kind: 'consultation_received'; readonly referenceNo: string; readonly caseReferenceNo: string; readonly councilName: string }
  | { readonly kind: 'consultation_accepted'; readonly caseReferenceNo: string; readonly councilName: string }
  | { readonly kind: 'consultation_declined'; readonly caseReferenceNo: string; readonly councilName: string }
  | {
      readonly kind: 'task_reminder';
      readonly caseReferenceNo: string;
      readonly taskTitle: string;
      readonly dueOn: string;
      readonly link: string;
    }
  | {
      readonly kind: 'plan_version_submitted';
      readonly caseReferenceNo: string;
      readonly versionNo: number;
      readonly sha256: string;
      readonly link: string;
    }
  // バンクミーティング (issue 7): to the invited banks' officers who may see the case; no company name, no agenda.
  | {
      readonly kind: 'bank_meeting_scheduled' | 'bank_meeting_cancelled';
      readonly caseReferenceNo: string;
      readonly meeting: MeetingWhenWhere;
      readonly link: string;
    }
  | {
      readonly kind: 'bank_meeting_changed';
      readonly caseReferenceNo: string;
      readonly meeting: MeetingWhenWhere;
      readonly before: MeetingWhenWhere;
      readonly link: string;
    };

/** When (Japan time, `YYYY-MM-DDTHH:mm`) and where a bank meeting is held. */
export interface MeetingWhenWhere {
  readonly scheduledAtJst: string;
  readonly mode: 'in_person' | 'online';
  readonly place: string;
}

const WEEKDAYS_JA = '日月火水木金土';
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-10T14:00` → 「2026年12月10日（木）14:00（日本時間）」 and "Thu 10 Dec 2026, 14:00 (Japan time, UTC+9)". */
export function meetingTimeText(local: string): { ja: string; en: string } {
  const [y = 0, m = 1, d = 1] = local.slice(0, 10).split('-').map(Number);
  const time = local.slice(11, 16);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return {
    ja: `${y}年${m}月${d}日（${WEEKDAYS_JA[wd]}）${time}（日本時間）`,
    en: `${WEEKDAYS_EN[wd]} ${d} ${MONTHS_EN[m - 1]} ${y}, ${time} (Japan time, UTC+9)`,
  };
}

function meetingLines(w: MeetingWhenWhere): { ja: string; en: string } {
  const at = meetingTimeText(w.scheduledAtJst);
  return {
    ja: `日時: ${at.ja}\n形式: ${w.mode === 'online' ? 'オンライン' : '対面'}\n場所: ${w.place}`,
    en: `When: ${at.en}\nFormat: ${w.mode === 'online' ? 'Online' : 'In person'}\nPlace: ${w.place}`,
  };
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
}

const FOOTER = `
──────────
中小企業活性化協議会 業務システム（Kasseika）
このメールは送信専用です。心当たりのない場合は破棄してください。
This message was sent automatically. If you did not expect it, please ignore it.`;

export function renderMail(t: MailTemplate): RenderedMail {
  switch (t.kind) {
    case 'password_reset':
      return {
        subject: '【中小企業活性化協議会】パスワード再設定のご案内 / Password reset',
        text: `パスワード再設定の申請を受け付けました。
${t.expiresMinutes}分以内に次のリンクから新しいパスワードを設定してください（1回のみ有効）。

${t.link}

申請していない場合は、このメールを破棄してください。パスワードは変更されません。

---
We received a request to reset your password. Set a new password within ${t.expiresMinutes} minutes with the link above (it works once).
If you did not ask for this, ignore this message; your password stays unchanged.
${FOOTER}`,
      };
    case 'email_verification':
      return {
        subject: '【中小企業活性化協議会】メールアドレスの確認 / Confirm your email address',
        text: `メールアドレスの確認のため、${t.expiresMinutes}分以内に次のリンクを開いてください（1回のみ有効）。

${t.link}

---
To confirm your email address, open the link above within ${t.expiresMinutes} minutes (it works once).
${FOOTER}`,
      };
    case 'task_reminder':
      return {
        subject: `【中小企業活性化協議会】タスク期限のお知らせ（${t.caseReferenceNo}） / Task due`,
        text: `担当のタスクの期限が近づいています。

案件番号: ${t.caseReferenceNo}
タスク: ${t.taskTitle}
期限: ${t.dueOn}

${t.link}

---
A task assigned to you is due soon: case ${t.caseReferenceNo}, "${t.taskTitle}", due ${t.dueOn}.
${FOOTER}`,
      };
    case 'invitation':
      return {
        subject: `【中小企業活性化協議会】${t.organization}へのご招待 / Invitation`,
        text: `${t.inviter}様から、中小企業活性化協議会の業務システムへの招待が届いています。
組織: ${t.organization}
役割: ${t.roleJa}

${t.expiresHours}時間以内に次のリンクからアカウントを設定してください（1回のみ有効）。
設定の際、2段階認証（認証アプリまたはパスキー）の登録が必要です。

${t.link}

---
${t.inviter} invited you to the SME Revitalization Council system as ${t.roleEn} (${t.organization}).
Set up your account within ${t.expiresHours} hours with the link above (it works once). You will register a second factor (authenticator app or passkey).
${FOOTER}`,
      };
    case 'consultation_verification':
      return {
        subject: `【${t.councilName}】ご相談申込みの確認（受付番号 ${t.referenceNo}）/ Confirm your consultation request`,
        text: `${t.councilName}へのご相談のお申込みありがとうございます（受付番号 ${t.referenceNo}）。
お申込みを確定するため、${t.expiresHours}時間以内に次のリンクを開いてください（1回のみ有効）。
リンクを開くまで、お申込みは協議会に届きません。

${t.link}

ご相談の内容は秘密として厳守します。お心当たりのない場合は、このメールを破棄してください（お申込みは自動的に削除されます）。

---
Thank you for your consultation request to ${t.councilName} (reference ${t.referenceNo}).
To confirm it, open the link above within ${t.expiresHours} hours (it works once). The council receives your request only after you confirm.
If you did not send this request, ignore this message; it will be discarded.
${FOOTER}`,
      };
    case 'consultation_received':
      return {
        subject: `【${t.councilName}】ご相談を受け付けました（案件番号 ${t.caseReferenceNo}）/ Your request has been received`,
        text: `メールアドレスの確認が完了し、${t.councilName}がご相談のお申込みを受け付けました。
受付番号: ${t.referenceNo}
案件番号: ${t.caseReferenceNo}

担当者が内容を確認し、ご希望の方法でご連絡します。ご相談（窓口相談）は無料です。ご相談の秘密は厳守します。
別途お送りする「ご招待」メールから、ご相談の状況を確認するためのアカウントを設定できます。

---
Your email address is confirmed and ${t.councilName} has received your consultation request (reference ${t.referenceNo}, case ${t.caseReferenceNo}).
A council member will review it and contact you the way you asked. The desk consultation is free and strictly confidential.
With the separate invitation message you can set up an account to follow your request.
${FOOTER}`,
      };
    case 'consultation_accepted':
      return {
        subject: `【${t.councilName}】窓口相談のご案内（案件番号 ${t.caseReferenceNo}）/ Your desk consultation`,
        text: `${t.councilName}は、お申込みいただいたご相談を窓口相談としてお受けしました（案件番号 ${t.caseReferenceNo}）。
日程の調整のため、担当者からご連絡します。決算書（直近3期分）、試算表、資金繰り表、借入金一覧表をご用意いただくと、ご相談が円滑に進みます。

---
${t.councilName} has accepted your request as a desk consultation (case ${t.caseReferenceNo}). A council member will contact you to arrange a meeting.
It helps to have your financial statements for the last 3 years, the latest trial balance, a cash-flow table and a list of borrowings ready.
${FOOTER}`,
      };
    case 'consultation_declined':
      return {
        subject: `【${t.councilName}】ご相談のお申込みについて（案件番号 ${t.caseReferenceNo}）/ About your consultation request`,
        text: `このたびは${t.councilName}にご相談をお申込みいただき、ありがとうございました。
内容を拝見しましたが、誠に恐縮ながら、当協議会ではこのご相談をお受けすることができません。
理由につきましては、ご希望の連絡方法で担当者からご説明します。

よろず支援拠点、事業承継・引継ぎ支援センター、お近くの商工会・商工会議所などでもご相談を承っています。
ご不明な点があれば、協議会までお問い合わせください。

---
Thank you for your consultation request to ${t.councilName} (case ${t.caseReferenceNo}).
We are sorry that the council cannot take on this consultation. A council member will explain the reason the way you asked to be contacted.
The Yorozu Support Centres, the Business Succession Support Centres and your local chamber of commerce can also help. Contact the council if you have questions.
${FOOTER}`,
      };
    case 'plan_version_submitted':
      return {
        subject: `【中小企業活性化協議会】計画の新しい版（第${t.versionNo}版）のお知らせ / New plan version`,
        text: `案件 ${t.caseReferenceNo} の再生計画について、第${t.versionNo}版が提示されました。
これまでの版への賛否・同意は無効になりました。新しい版を確認のうえ、改めてご回答ください。
版の識別子（SHA-256）: ${t.sha256}

${t.link}

---
Version ${t.versionNo} of the plan for case ${t.caseReferenceNo} has been submitted. Stances and consents given to earlier versions are void; please review the new version and answer again.
Version id (SHA-256): ${t.sha256}
${FOOTER}`,
      };
    case 'bank_meeting_scheduled': {
      const w = meetingLines(t.meeting);
      return {
        subject: `【中小企業活性化協議会】バンクミーティングのご案内（案件 ${t.caseReferenceNo}） / Bank meeting`,
        text: `案件 ${t.caseReferenceNo} について、バンクミーティングを次のとおり開催します。貴行は対象債権者として招集されています。

${w.ja}

議題と会議資料（計画の版とプロラタ表）は、次のページでご確認ください。

${t.link}

---
A bank meeting about case ${t.caseReferenceNo} has been scheduled; your bank is invited as a target creditor.
${w.en}
The agenda and the materials (the plan version and the pro-rata table) are on the page linked above.
${FOOTER}`,
      };
    }
    case 'bank_meeting_changed': {
      const w = meetingLines(t.meeting);
      const b = meetingLines(t.before);
      return {
        subject: `【中小企業活性化協議会】バンクミーティングの日時・場所の変更（案件 ${t.caseReferenceNo}） / Bank meeting changed`,
        text: `案件 ${t.caseReferenceNo} のバンクミーティングの日時または場所が変更されました。

【変更後】
${w.ja}

【変更前】
${b.ja}

議題と会議資料は、次のページでご確認ください。

${t.link}

---
The date, time or place of the bank meeting about case ${t.caseReferenceNo} has changed.
Now:
${w.en}
Before:
${b.en}
The agenda and the materials are on the page linked above.
${FOOTER}`,
      };
    }
    case 'bank_meeting_cancelled': {
      const w = meetingLines(t.meeting);
      return {
        subject: `【中小企業活性化協議会】バンクミーティング中止のお知らせ（案件 ${t.caseReferenceNo}） / Bank meeting cancelled`,
        text: `案件 ${t.caseReferenceNo} について予定していた次のバンクミーティングは、中止になりました。

${w.ja}

中止の理由は、次のページでご確認ください。

${t.link}

---
The following bank meeting about case ${t.caseReferenceNo} has been cancelled.
${w.en}
The reason is on the page linked above.
${FOOTER}`,
      };
    }
  }
}
