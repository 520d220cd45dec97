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
  | {
      readonly kind: 'plan_version_submitted';
      readonly caseReferenceNo: string;
      readonly versionNo: number;
      readonly sha256: string;
      readonly link: string;
    };

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
  }
}
