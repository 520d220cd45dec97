import type { LocalizedText } from './problem';

/**
 * Field messages that say what to fix, in Japanese and English. Schemas use the key as their zod message; the
 * server and the web app both translate it through this table, so a form and the API say the same thing.
 */
export const VALIDATION_MESSAGES = {
  'search.tooLong': {
    ja: '検索語は100文字以内で入力してください',
    en: 'Enter a search term of 100 characters or fewer',
  },
  'cursor.invalid': {
    ja: 'ページの位置が正しくありません。一覧の最初のページからやり直してください',
    en: 'This page position is not valid. Start again from the first page of the list',
  },
  'prefecture.code': {
    ja: '都道府県は01〜47の2桁のコードで指定してください（例: 13 は東京都）',
    en: 'Give the prefecture as a two-digit code from 01 to 47 (e.g. 13 for Tokyo)',
  },
  'postalCode.format': {
    ja: '郵便番号は数字7桁（例: 100-0005）またはその先頭の数字で入力してください',
    en: 'Enter a 7-digit postal code (e.g. 100-0005) or its first digits',
  },
  'city.length': {
    ja: '市区町村名は1〜50文字で入力してください',
    en: 'Enter a city, ward, town or village name of 1 to 50 characters',
  },
  'councilId.format': {
    ja: '協議会IDは英小文字で指定してください（例: tokyo）',
    en: 'The council id is written in lower-case letters (e.g. tokyo)',
  },
  'email.format': {
    ja: 'メールアドレスを正しい形式で入力してください（例: taro@example.jp）',
    en: 'Enter a valid email address (e.g. taro@example.jp)',
  },
  'password.required': {
    ja: 'パスワードを入力してください',
    en: 'Enter your password',
  },
  'password.length': {
    ja: 'パスワードは12文字以上128文字以内で設定してください',
    en: 'Use a password of 12 to 128 characters',
  },
  'code.format': {
    ja: '確認コードを入力してください（認証アプリの6桁の数字、またはリカバリーコード）',
    en: 'Enter the code (6 digits from your authenticator app, or a recovery code)',
  },
  'token.format': {
    ja: 'リンクが正しくありません。メールのリンクをもう一度開いてください',
    en: 'The link is not valid. Open the link in the email again',
  },
  'displayName.length': {
    ja: '氏名は1〜100文字で入力してください',
    en: 'Enter a name of 1 to 100 characters',
  },
  // Finance calculations (計算ツール)
  'amount.number': {
    ja: '金額は数字で入力してください（文字は入力できません）',
    en: 'Enter the amount as a number (text is not accepted)',
  },
  'amount.integerYen': {
    ja: '金額は1円単位の整数で入力してください（小数は使えません）',
    en: 'Enter the amount as a whole number of yen (no decimals)',
  },
  'amount.nonNegative': {
    ja: '金額は0以上で入力してください',
    en: 'Enter an amount of 0 or more',
  },
  'number.value': {
    ja: '数値で入力してください',
    en: 'Enter a number',
  },
  'ratio.value': {
    ja: '比率は小数で入力してください（例: 3% は 0.03）',
    en: 'Enter the ratio as a decimal (e.g. 0.03 for 3 %)',
  },
  'employees.nonNegative': {
    ja: '従業員数は0以上の数で入力してください（マイナスは入力できません）',
    en: 'Enter a number of employees of 0 or more (not negative)',
  },
  'date.format': {
    ja: '日付は YYYY-MM-DD の形式で入力してください（例: 2026-03-31）',
    en: 'Enter the date as YYYY-MM-DD (e.g. 2026-03-31)',
  },
  'month.format': {
    ja: '年月は YYYY-MM の形式で入力してください（例: 2026-04）',
    en: 'Enter the month as YYYY-MM (e.g. 2026-04)',
  },
  'fiscalMonth.range': {
    ja: '決算月は1〜12の整数で入力してください',
    en: 'Enter the fiscal year-end month as a whole number from 1 to 12',
  },
  'horizon.range': {
    ja: '計画期間は1〜10年の整数で入力してください',
    en: 'Enter a plan horizon of 1 to 10 whole years',
  },
  'statements.count': {
    ja: '決算書は1〜3期分を古い年度から順に入力してください',
    en: 'Enter 1 to 3 years of statements, oldest first',
  },
  'yearly.format': {
    ja: '全年度共通の数値1つ、または年度ごとの数値（計画期間と同じ数）で入力してください',
    en: 'Give one number for every year, or one number per plan year',
  },
  'id.format': {
    ja: 'IDは1〜40文字の英数字・記号（- _ .）で入力してください',
    en: 'Use an id of 1 to 40 letters, digits, "-", "_" or "."',
  },
  'text.length': {
    ja: '1〜200文字で入力してください',
    en: 'Enter 1 to 200 characters',
  },
  'companyName.length': {
    ja: '会社名は1〜100文字で入力してください',
    en: 'Enter a company name of 1 to 100 characters',
  },
  'list.tooLong': {
    ja: '行数が多すぎます。上限以内にしてください',
    en: 'Too many rows; stay within the limit',
  },
  'term.range': {
    ja: '返済回数は1〜600か月の整数で入力してください',
    en: 'Enter a term of 1 to 600 whole months',
  },
  'industryCode.format': {
    ja: '業種コードは4桁の数字で選んでください（例: 0201）',
    en: 'Choose a four-digit industry code (e.g. 0201)',
  },
  'roles.required': { ja: '役割を1つ以上選んでください', en: 'Choose at least one role' },
  'update.empty': { ja: '変更する項目を指定してください', en: 'Say what to change' },
  'organizationName.length': { ja: '組織名は1〜200文字で入力してください', en: 'Enter an organisation name of 1 to 200 characters' },
  'bankCode.format': { ja: '金融機関コードは4桁の数字で入力してください', en: 'Enter the 4-digit bank code' },
  'transitionReason.length': { ja: '理由を1〜2000文字で入力してください', en: 'Give a reason of 1 to 2,000 characters' },
  'event.required': { ja: '操作を選んでください', en: 'Choose an action' },
  'reason.required': { ja: '理由を500文字以内で入力してください', en: 'Give a reason (up to 500 characters)' },
  // Passkeys (WebAuthn)
  'passkey.response': {
    ja: 'パスキーの応答を読み取れませんでした。もう一度パスキーで操作してください',
    en: 'The passkey answer could not be read. Try the passkey again',
  },
  'passkey.id': {
    ja: 'パスキーの指定が正しくありません。一覧から選び直してください',
    en: 'The passkey id is not valid. Choose it from the list again',
  },
  'passkey.label': {
    ja: 'パスキーの名前は1〜60文字で入力してください（例: 業務用PC）',
    en: 'Name the passkey with 1 to 60 characters (e.g. Work laptop)',
  },
  'documentTitle.length': { ja: '書類名は1〜200文字で入力してください', en: 'Enter a document title of 1 to 200 characters' },
  // Guarantors (経営者保証)
  'guarantorName.length': { ja: '保証人の氏名を1〜100文字で入力してください', en: 'Enter the guarantor’s name (1 to 100 characters)' },
  'guarantors.count': { ja: '保証人は10人までです', en: 'At most 10 guarantors' },
  'guarantor.relationship': {
    ja: '会社との関係を選んでください（経営者・経営者の家族・後継者・第三者）',
    en: 'Choose the relationship (owner, owner’s family, successor, third party)',
  },
  'guarantor.workoutType': {
    ja: '整理の型を選んでください（一体型・単独型・未定）',
    en: 'Choose the workout type (integrated, stand-alone, undecided)',
  },
  'benefitDays.range': { ja: '想定する期間は0〜330日の整数で入力してください', en: 'Enter a period of 0 to 330 whole days' },
  'assetKind.value': { ja: '資産の種類を選んでください', en: 'Choose the kind of asset' },
  'shortText.length': { ja: '200文字以内で入力してください', en: 'Enter up to 200 characters' },
  'note.length': { ja: 'メモは2000文字以内で入力してください', en: 'Keep the note within 2,000 characters' },
  'birthDate.range': {
    ja: '生年月日は1900年以降、基準日より前の日付を入力してください',
    en: 'Enter a date of birth from 1900 and before today',
  },
  // Consultation request (相談申込, issue 5)
  'corporateNumber.format': {
    ja: '法人番号は13桁の数字で入力してください（個人事業主の方は空欄のまま）',
    en: 'Enter the 13-digit corporate number (leave it empty for a sole proprietor)',
  },
  'corporateNumber.checkDigit': {
    ja: '法人番号が正しくありません（先頭のチェック用数字が合いません）。国税庁の法人番号公表サイトで確認してください',
    en: 'This corporate number is not valid (its check digit does not match). Check it on the NTA corporate number site',
  },
  'companyNameKana.format': {
    ja: 'フリガナはカタカナで入力してください（ひらがなも可）',
    en: 'Enter the reading of the name in katakana (hiragana is fine too)',
  },
  'intake.postalCode': { ja: '郵便番号を数字7桁で入力してください（例: 100-0005）', en: 'Enter the 7-digit postal code (e.g. 100-0005)' },
  'intake.postalCodeUnknown': {
    ja: 'この郵便番号は見つかりませんでした。番号をご確認ください',
    en: 'We could not find this postal code. Check the number',
  },
  'intake.postalCodePrefecture': {
    ja: '郵便番号と都道府県が一致しません。どちらかを直してください',
    en: 'The postal code and the prefecture do not match. Correct one of them',
  },
  'intake.prefecture': { ja: '都道府県を選んでください', en: 'Choose the prefecture' },
  'intake.address': {
    ja: '市区町村から番地までの住所を200文字以内で入力してください',
    en: 'Enter the address from the city to the street number (up to 200 characters)',
  },
  'intake.industry': { ja: '業種を一覧から選んでください', en: 'Choose the industry from the list' },
  'intake.employees': { ja: '従業員数を0以上の整数で入力してください', en: 'Enter the number of employees as a whole number of 0 or more' },
  'intake.amountTooLarge': {
    ja: '金額が大きすぎます。円単位で入力しているかご確認ください',
    en: 'The amount is too large. Check it is in yen',
  },
  'intake.contactName': {
    ja: 'ご担当者のお名前を100文字以内で入力してください',
    en: 'Enter the contact person’s name (up to 100 characters)',
  },
  'intake.contactTitle': { ja: '役職は100文字以内で入力してください', en: 'Enter a title of up to 100 characters' },
  'intake.phone': {
    ja: '電話番号を市外局番から入力してください（例: 03-1234-5678）',
    en: 'Enter the phone number with its area code (e.g. 03-1234-5678)',
  },
  'intake.needs': { ja: 'ご相談内容をチェック項目から選んでください', en: 'Choose what you need from the checklist' },
  'intake.message': { ja: 'ご相談の内容は4000文字以内で入力してください', en: 'Keep the message to 4,000 characters' },
  'intake.preferredContact': { ja: 'ご希望の連絡方法を選んでください', en: 'Choose how we should contact you' },
  'intake.overrideReason': {
    ja: '所在地以外の協議会を選ぶ理由を500文字以内で入力してください',
    en: 'Give the reason for choosing another council than the one of your address (up to 500 characters)',
  },
  'intake.privacyConsent': {
    ja: '個人情報の取扱いに同意いただける場合はチェックを入れてください',
    en: 'Tick the box to agree to how we handle your personal information',
  },
  'intake.formToken': {
    ja: 'フォームの有効期限が切れました。入力内容はそのままで、もう一度送信してください',
    en: 'The form has expired. Your entries are kept; send it again',
  },
  'intake.tooFast': {
    ja: '送信が早すぎます。入力内容をご確認のうえ、数秒後にもう一度送信してください',
    en: 'That was too fast. Check your entries and send again in a few seconds',
  },
  'intake.honeypot': { ja: '送信できませんでした。このページを開き直してください', en: 'This could not be sent. Reopen the page' },
  'intake.decision': { ja: '受付かお断りかを選んでください', en: 'Choose accept or decline' },
  // Council case work (窓口相談, triage, tasks)
  'interview.heldOn': { ja: '面談日を日付で入力してください（例: 2026-11-24）', en: 'Enter the interview date (e.g. 2026-11-24)' },
  'interview.attendees': { ja: '出席者を1〜500文字で入力してください', en: 'List the attendees in 1 to 500 characters' },
  'interview.notes': { ja: '聴取内容を1〜10000文字で入力してください', en: 'Write what was heard in 1 to 10,000 characters' },
  'caseIssue.issue': { ja: '問題点・課題を1〜2000文字で入力してください', en: 'Describe the problem in 1 to 2,000 characters' },
  'caseIssue.advice': { ja: '助言内容を1〜4000文字で入力してください', en: 'Write the advice in 1 to 4,000 characters' },
  'internalNote.body': { ja: '内部メモを1〜4000文字で入力してください', en: 'Write the internal note in 1 to 4,000 characters' },
  'triage.reasons': { ja: '判断の理由を1〜4000文字で入力してください', en: 'Give the reasons for the decision in 1 to 4,000 characters' },
  'triage.referralBody': { ja: '紹介先の機関を選んでください', en: 'Choose the body the company is referred to' },
  'triage.referralBodyOnlyForReferral': {
    ja: '紹介先は「他機関へ紹介」の場合だけ指定できます',
    en: 'A referral body can only be given when referring the case',
  },
  'triage.referralBodyName': {
    ja: '紹介先の機関名を1〜200文字で入力してください',
    en: 'Enter the name of the body in 1 to 200 characters',
  },
  'task.title': { ja: 'タスク名を1〜200文字で入力してください', en: 'Enter a task title of 1 to 200 characters' },
  'task.checklistKey': { ja: 'チェックリスト項目の指定が正しくありません', en: 'The checklist item is not valid' },
  'task.assignee': { ja: '担当者を一覧から選んでください', en: 'Choose the assignee from the list' },
  'task.businessDays': { ja: '期限は0〜250営業日で指定してください', en: 'Give the deadline as 0 to 250 business days' },
  'task.dueOn': { ja: '期限日を日付で入力してください（例: 2026-12-01）', en: 'Enter the due date (e.g. 2026-12-01)' },
  'task.due': {
    ja: '期限は「営業日数」か「期限日」のどちらか一方で指定してください',
    en: 'Give the deadline either in business days or as a date, not both',
  },
  'task.remind': { ja: '通知は期限の0〜20営業日前で指定してください', en: 'Remind 0 to 20 business days before the deadline' },
  // 収益力改善支援
  'governance.itemKey': { ja: 'チェック項目の指定が正しくありません', en: 'The checklist item is not valid' },
  'governance.note': { ja: 'メモは1〜2000文字で入力してください', en: 'Write the note in 1 to 2,000 characters' },
  'actionItem.what': { ja: '実施内容を1〜1000文字で入力してください', en: 'Describe the action in 1 to 1,000 characters' },
  'actionItem.owner': { ja: '担当を1〜100文字で入力してください', en: 'Name who does it in 1 to 100 characters' },
  'actionItem.dueOn': { ja: '期限を日付で入力してください（例: 2027-03-31）', en: 'Enter the deadline (e.g. 2027-03-31)' },
  'earningsPlan.years': { ja: '計画期間は1〜3年で指定してください', en: 'Give a plan period of 1 to 3 years' },
  'earningsPlan.oneYearWithRescheduling': {
    ja: 'リスケジュール等を要請する場合、計画期間は1年です',
    en: 'When rescheduling is requested, the plan covers 1 year',
  },
  'earningsPlan.startsOn': { ja: '計画の開始日を日付で入力してください', en: 'Enter the date the plan starts' },
  'earningsPlan.summary': { ja: '計画の概要を1〜4000文字で入力してください', en: 'Summarise the plan in 1 to 4,000 characters' },
  // Creditors, confidentiality lifts, plan versions and consent (issue 7)
  'bankCode.unknown': {
    ja: '金融機関コードが見つかりません。金融機関一覧から選んでください',
    en: 'Unknown bank code. Choose the bank from the list',
  },
  'loanLabel.length': {
    ja: '借入の名称を1〜100文字で入力してください（例: 運転資金）',
    en: 'Name the loan with 1 to 100 characters (e.g. Working capital)',
  },
  'yen.amount': { ja: '金額は0以上の整数（円）で入力してください', en: 'Enter a whole number of yen, 0 or more' },
  'rate.percent': {
    ja: '金利は0〜30%、小数点以下3桁までで入力してください',
    en: 'Enter a rate between 0 and 30 %, with up to three decimals',
  },
  'percent.range': { ja: '割合は0〜100の整数で入力してください', en: 'Enter a whole percentage from 0 to 100' },
  'collateral.length': { ja: '担保の内容は200文字以内で入力してください', en: 'Describe the collateral in 200 characters or fewer' },
  'documentSets.required': {
    ja: '開示する情報の範囲を1つ以上選んでください',
    en: 'Choose at least one set of information to share',
  },
  'planTitle.length': { ja: '計画の表題を1〜200文字で入力してください', en: 'Give the plan a title of 1 to 200 characters' },
  'planSummary.length': { ja: '計画の概要を1〜5000文字で入力してください', en: 'Summarise the plan in 1 to 5,000 characters' },
  'supportMeasures.required': { ja: '金融支援策を1つ以上選んでください', en: 'Choose at least one financial-support measure' },
  'planYears.range': { ja: '計画期間は1〜10年の整数で入力してください', en: 'Enter a plan period of 1 to 10 whole years' },
  'planComment.length': { ja: '意見・助言を1〜4000文字で入力してください', en: 'Write a comment of 1 to 4,000 characters' },
  'versionSha256.format': {
    ja: '計画の版の識別子（SHA-256、英数字64文字）が正しくありません',
    en: 'The plan version id (SHA-256, 64 hex characters) is not valid',
  },
  'stance.required': { ja: '賛否（賛成・条件付き・反対）を選んでください', en: 'Choose a stance (support, conditional or oppose)' },
  'conditions.required': { ja: '条件付きの場合は条件を入力してください', en: 'Give the conditions of a conditional stance' },
  'conditions.length': { ja: '条件は2000文字以内で入力してください', en: 'Write the conditions in 2,000 characters or fewer' },
  // バンクミーティング
  'meetingAt.format': {
    ja: '開催日時を日本時間の日付と時刻で入力してください（例: 2026-12-10T14:00）',
    en: 'Enter the date and time (Japan time) of the meeting (e.g. 2026-12-10T14:00)',
  },
  'meetingPlace.length': {
    ja: '場所（またはオンライン会議の案内）を1〜300文字で入力してください',
    en: 'Give the place (or the online meeting details) in 1 to 300 characters',
  },
  'meetingAgenda.count': { ja: '議題を1〜20件入力してください', en: 'Give 1 to 20 agenda items' },
  'meetingAgenda.length': { ja: '議題は1件につき1〜200文字で入力してください', en: 'Write each agenda item in 1 to 200 characters' },
  'meetingAttendees.length': { ja: '出席者は300文字以内で入力してください', en: 'List the attendees in 300 characters or fewer' },
  'meetingMinutes.length': { ja: '議事録を1〜20000文字で入力してください', en: 'Write minutes of 1 to 20,000 characters' },
  'meetingCancelReason.length': {
    ja: '中止の理由を1〜1000文字で入力してください',
    en: 'Give the reason for cancelling in 1 to 1,000 characters',
  },
  // 再チャレンジ支援
  'rcAdvice.topic': { ja: '助言の内容の区分を選んでください', en: 'Choose what the advice was about' },
  'rcAdvice.advisedOn': { ja: '助言日を日付で入力してください（例: 2026-11-20）', en: 'Enter the date of the advice (e.g. 2026-11-20)' },
  'rcAdvice.text': { ja: '助言の内容を1〜4000文字で入力してください', en: 'Describe the advice in 1 to 4,000 characters' },
  'rcReferral.documents': { ja: '引継ぎ資料の書類の指定が正しくありません', en: 'A document of the package is not valid' },
  'rcReferral.figures': { ja: '引継ぎ資料に含める数値の区分が正しくありません', en: 'A figure of the package is not valid' },
  'rcReferral.message': {
    ja: '弁護士への連絡事項は2000文字以内で入力してください',
    en: 'Keep the message to the lawyer to 2,000 characters',
  },
  'rcReferral.empty': {
    ja: '引継ぎ資料に含める書類か数値を1つ以上選んでください',
    en: 'Choose at least one document or figure for the handover package',
  },
  'rcConsent.packageHash': { ja: '同意する引継ぎ資料が特定できません', en: 'The package consented to is not identified' },
  'rcProceeding.route': { ja: '手続の種類を選んでください', en: 'Choose the route' },
  'rcProceeding.status': { ja: '状況を選んでください', en: 'Choose the status' },
  'rcProceeding.guarantorName': { ja: '保証人の氏名は1〜100文字です', en: 'The guarantor name has 1 to 100 characters' },
  'rcProceeding.startedOn': { ja: '着手日を日付で入力してください', en: 'Enter the start date as a date' },
  'rcProceeding.endedOn': { ja: '終了日を日付で入力してください', en: 'Enter the end date as a date' },
  'rcProceeding.note': { ja: 'メモは2000文字以内で入力してください', en: 'Keep the note to 2,000 characters' },
  'rcConsultation.heldOn': { ja: '相談日を日付で入力してください', en: 'Enter the date of the consultation' },
  'rcConsultation.lawyerName': { ja: '弁護士名を1〜100文字で入力してください', en: 'Enter the lawyer name in 1 to 100 characters' },
  'rcConsultation.fee': { ja: '相談料を0以上の整数（円）で入力してください', en: 'Enter the fee as a whole number of yen, 0 or more' },
  'rcConsultation.note': { ja: 'メモは2000文字以内で入力してください', en: 'Keep the note to 2,000 characters' },
  // 再生支援
  'coi.required': {
    ja: '利益相反の有無を申告してください（外部専門家、及び債権者である金融機関からの出向者は必須です）',
    en: 'Declare any conflict of interest (required for external experts and for staff seconded from a creditor bank)',
  },
  'coi.details': { ja: '利益相反の内容を記入してください', en: 'Describe the conflict of interest' },
  'coi.detailsLength': { ja: '利益相反の内容は2000文字以内で入力してください', en: 'Describe the conflict in up to 2,000 characters' },
  'rvTeam.staff': { ja: 'チームに加える職員を選んでください', en: 'Choose the staff member to add' },
  'rvTeam.bank': { ja: '出向元の金融機関名は100文字以内で入力してください', en: 'Give the seconding bank in up to 100 characters' },
  'rvTeam.organization': { ja: '所属（事務所名）を1〜100文字で入力してください', en: 'Give the firm in 1 to 100 characters' },
  'rvTeam.scopes': {
    ja: '権限の範囲を選んでください（案件の閲覧は必須です）',
    en: 'Choose the scopes of access (viewing the case is required)',
  },
  'rvTeam.expiresOn': { ja: '選任の期限を日付で入力してください', en: 'Enter the date the appointment ends' },
  'rvTeam.endedOn': { ja: '終了日を日付で入力してください', en: 'Enter the date the membership ends' },
  'rvTeam.endKind': { ja: '終了の種類（解任・任期終了）を選んでください', en: 'Choose how it ends (dismissal or end of term)' },
  'rvTeam.endReason': { ja: '終了の理由を1〜1000文字で入力してください', en: 'Give the reason in 1 to 1,000 characters' },
  'realBs.asOf': { ja: '基準日を日付で入力してください', en: 'Enter the reference date' },
  'businessPlan.years': { ja: '計画期間は1〜10年で指定してください', en: 'Give a plan period of 1 to 10 years' },
  'businessPlan.startsOn': { ja: '計画の開始日を日付で入力してください', en: 'Enter the date the plan starts' },
  'businessPlan.causes': { ja: '窮境原因を1〜4000文字で入力してください', en: 'Describe the causes of distress in 1 to 4,000 characters' },
  'businessPlan.measures': {
    ja: '改善施策を1〜4000文字で入力してください',
    en: 'Describe the restructuring measures in 1 to 4,000 characters',
  },
  'supportDesign.measures': { ja: '金融支援策を1つ以上選んでください', en: 'Choose at least one support measure' },
  'supportDesign.graceMonths': { ja: '元金据置期間は0〜120か月で指定してください', en: 'Give an interest-only period of 0 to 120 months' },
  'supportDesign.notes': { ja: 'メモは4000文字以内で入力してください', en: 'Keep the note within 4,000 characters' },
  'supportDesign.requirementKey': { ja: '要件の指定が正しくありません', en: 'The requirement is not valid' },
  'businessPlan.yearsList': { ja: '計画期間の各年の数値を入力してください', en: 'Give the figures of every plan year' },
} as const satisfies Record<string, LocalizedText>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

/** Whether a zod message is one of our keys. */
export function isValidationMessageKey(message: string): message is ValidationMessageKey {
  return Object.hasOwn(VALIDATION_MESSAGES, message);
}
