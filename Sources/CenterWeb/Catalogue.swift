import CalendarValues
import CenterAPI
import CenterDomain
import CenterService
import HTML

/// The pages' words, Japanese first and English when the reader chose it
/// (the `lang` cookie, set by `?lang=en`). Labels are plain words, as the
/// Digital Agency's design system asks: say what a field is, not how to
/// use a computer.
enum Phrase: CaseIterable {
    case centerName, skipToContent, languageName, otherLanguageName
    case signIn, signInLead, login, password, required, signInButton
    case firstTime, firstTimeText, signUpLink
    case signUp, signUpLead, code, codeHint, loginHint, passwordHint, passwordAgain, signUpButton
    case errorSummary, missingLogin, missingPassword, missingCode, passwordMismatch, unreadableForm
    case signedOut, signedOutEverywhere, sessionEnded
    case signOut, signOutEverywhere, signedInAs, otherDevices, otherDevicesText
    case roleAdmin, roleStaff, rolePlanner, roleMember
    case staffHome, plannerHome, memberHome, adminHome
    case issueCode, issueCodeLead, registrationNumber, registrationNumberHint, issueButton, invalidRegistrationNumber
    case slipTitle, slipLead, slipRegistration, slipName, slipCode, slipExpires, slipSteps1, slipSteps2, slipSteps3
    case slipResetNote, slipPrint, slipBack
    case boardLink, boardText, roadmapLink, roadmapText, roadmapImage
    case refusedTitle, refusedText, cookiesText, backToTop
    case yourRegistration, registrationName, category, validUntil, memberForgotten
    case footerText

    var ja: String {
        switch self {
        case .centerName: "中野区産業振興センター"
        case .skipToContent: "本文へ移動"
        case .languageName: "日本語"
        case .otherLanguageName: "English"
        case .signIn: "サインイン"
        case .signInLead: "センターの職員の方と、サインアップを済ませた利用者の方は、ログインIDとパスワードでサインインしてください。"
        case .login: "ログインID"
        case .password: "パスワード"
        case .required: "必須"
        case .signInButton: "サインインする"
        case .firstTime: "初めての方・パスワードを忘れた方"
        case .firstTimeText: "窓口で利用登録をすると、サインアップコードをお渡しします。パスワードを忘れたときも、窓口で新しいコードを受け取ってください。"
        case .signUpLink: "サインアップコードで登録する"
        case .signUp: "サインアップ"
        case .signUpLead: "窓口で受け取ったサインアップコードを入力し、ログインIDとパスワードを決めてください。"
        case .code: "サインアップコード"
        case .codeHint: "窓口でお渡しした12文字のコードです（例：K7QM-3XPA-9RTD）。発行から14日間有効です。"
        case .loginHint: "3〜64文字。半角英小文字・数字と記号「. _ - @」が使えます。メールアドレスも使えます。"
        case .passwordHint: "12文字以上。覚えやすい長めの文（パスフレーズ）がおすすめです。"
        case .passwordAgain: "パスワード（確認のため、もう一度）"
        case .signUpButton: "登録してサインインする"
        case .errorSummary: "入力内容を確認してください"
        case .missingLogin: "ログインIDを入力してください。"
        case .missingPassword: "パスワードを入力してください。"
        case .missingCode: "サインアップコードを入力してください。"
        case .passwordMismatch: "確認用のパスワードが一致しません。同じパスワードをもう一度入力してください。"
        case .unreadableForm: "送信された内容を読み取れませんでした。ページを開き直してもう一度入力してください。"
        case .signedOut: "サインアウトしました。"
        case .signedOutEverywhere: "すべての端末からサインアウトしました。"
        case .sessionEnded: "一定時間操作がなかったため、サインアウトしました。もう一度サインインしてください。"
        case .signOut: "サインアウト"
        case .signOutEverywhere: "すべての端末からサインアウト"
        case .otherDevices: "ほかの端末でのサインイン"
        case .otherDevicesText: "スマートフォンを失くしたときや、共用のパソコンでサインアウトし忘れたときは、この端末も含めて、すべての端末からサインアウトできます。"
        case .signedInAs: "サインイン中："
        case .roleAdmin: "管理者"
        case .roleStaff: "窓口職員"
        case .rolePlanner: "計画担当"
        case .roleMember: "利用者"
        case .staffHome: "窓口業務"
        case .plannerHome: "計画担当のページ"
        case .memberHome: "マイページ"
        case .adminHome: "管理者のページ"
        case .issueCode: "サインアップコードの発行"
        case .issueCodeLead: "利用者がサインアップに使うコードを発行し、お知らせを印刷してお渡しします。以前に発行した未使用のコードは使えなくなります。パスワードを忘れた利用者にも同じ手順で発行してください。"
        case .registrationNumber: "利用登録番号"
        case .registrationNumberHint: "利用登録票に記載の番号（数字）です。"
        case .issueButton: "コードを発行する"
        case .invalidRegistrationNumber: "利用登録番号は半角数字で入力してください。"
        case .slipTitle: "サインアップコードのお知らせ"
        case .slipLead: "中野区産業振興センターのウェブサイトで、次のコードを使ってサインアップしてください。"
        case .slipRegistration: "利用登録番号"
        case .slipName: "登録名"
        case .slipCode: "サインアップコード"
        case .slipExpires: "有効期限"
        case .slipSteps1: "センターのウェブサイトでサインアップのページを開きます："
        case .slipSteps2: "このコードを入力します（大文字・小文字やハイフンの有無は問いません）。"
        case .slipSteps3: "ログインIDとパスワードを決めて登録します。コードは一度だけ使えます。"
        case .slipResetNote: "この登録はサインアップ済みです。このコードでパスワード（とログインID）を設定し直せます。使うと、ほかの端末からはサインアウトされます。現在のログインID："
        case .slipPrint: "このお知らせを印刷して利用者にお渡しください。コードはこの画面にだけ表示され、あとから見ることはできません。"
        case .slipBack: "窓口業務のページに戻る"
        case .boardLink: "本日の施設利用状況"
        case .boardText: "ロビーの表示と同じ画面です。"
        case .roadmapLink: "改修ロードマップ"
        case .roadmapText: "工事の予定と、各施設の休館期間の見通しです。"
        case .roadmapImage: "改修ロードマップのガントチャート"
        case .refusedTitle: "この操作は受け付けられませんでした"
        case .refusedText: "ページを開いてから時間がたったか、ほかのサイトから送信された可能性があります。ページを開き直してから、もう一度操作してください。"
        case .cookiesText: "サインインにはブラウザーのCookieが必要です。Cookieを有効にしてから、もう一度お試しください。"
        case .backToTop: "トップページへ"
        case .yourRegistration: "ご登録内容"
        case .registrationName: "登録名"
        case .category: "利用者区分"
        case .validUntil: "有効期限"
        case .memberForgotten: "パスワードを忘れたときは、窓口で新しいサインアップコードを受け取り、サインアップのページで設定し直してください。"
        case .footerText: "中野区産業振興センター　施設の予約と利用のご案内"
        }
    }

    var en: String {
        switch self {
        case .centerName: "Nakano Ward Industry Promotion Center"
        case .skipToContent: "Skip to main content"
        case .languageName: "English"
        case .otherLanguageName: "日本語"
        case .signIn: "Sign in"
        case .signInLead: "Center staff, and users who have signed up, sign in with their login and password."
        case .login: "Login"
        case .password: "Password"
        case .required: "Required"
        case .signInButton: "Sign in"
        case .firstTime: "First time here, or forgot your password?"
        case .firstTimeText: "When you register at the front desk, you get a sign-up code. If you forget your password, ask the front desk for a new code."
        case .signUpLink: "Sign up with a code"
        case .signUp: "Sign up"
        case .signUpLead: "Enter the sign-up code from the front desk, then choose your login and password."
        case .code: "Sign-up code"
        case .codeHint: "The 12-character code from the front desk (for example K7QM-3XPA-9RTD), valid for 14 days."
        case .loginHint: "3 to 64 characters: small letters a–z, digits and . _ - @. An e-mail address works."
        case .passwordHint: "At least 12 characters. A long phrase you can remember is best."
        case .passwordAgain: "Password (again, to confirm)"
        case .signUpButton: "Sign up and sign in"
        case .errorSummary: "Please check what you entered"
        case .missingLogin: "Enter your login."
        case .missingPassword: "Enter your password."
        case .missingCode: "Enter your sign-up code."
        case .passwordMismatch: "The two passwords differ. Enter the same password twice."
        case .unreadableForm: "What was sent could not be read. Open the page again and retry."
        case .signedOut: "You have signed out."
        case .signedOutEverywhere: "You have signed out on every device."
        case .sessionEnded: "You were signed out after a while without activity. Please sign in again."
        case .signOut: "Sign out"
        case .signOutEverywhere: "Sign out on every device"
        case .otherDevices: "Signed in on other devices"
        case .otherDevicesText: "If you lost your phone or forgot to sign out on a shared computer, you can sign out on every device, this one included."
        case .signedInAs: "Signed in: "
        case .roleAdmin: "Administrator"
        case .roleStaff: "Front desk"
        case .rolePlanner: "Planner"
        case .roleMember: "User"
        case .staffHome: "Front desk"
        case .plannerHome: "Planner's page"
        case .memberHome: "My page"
        case .adminHome: "Administrator's page"
        case .issueCode: "Issue a sign-up code"
        case .issueCodeLead: "Issue the code a user signs up with, and print the notice for them. An earlier unused code stops working. Do the same for a user who forgot their password."
        case .registrationNumber: "Registration number"
        case .registrationNumberHint: "The number on the registration form (digits)."
        case .issueButton: "Issue the code"
        case .invalidRegistrationNumber: "Enter the registration number in digits."
        case .slipTitle: "Your sign-up code"
        case .slipLead: "Sign up on the Nakano Ward Industry Promotion Center's website with this code."
        case .slipRegistration: "Registration number"
        case .slipName: "Name"
        case .slipCode: "Sign-up code"
        case .slipExpires: "Valid until"
        case .slipSteps1: "Open the sign-up page of the center's website:"
        case .slipSteps2: "Enter this code (capitals and hyphens do not matter)."
        case .slipSteps3: "Choose your login and password. The code works once."
        case .slipResetNote: "This registration has signed up already: the code sets a new password (and login), and signs out other devices. Current login: "
        case .slipPrint: "Print this notice for the user. The code is shown on this screen only and cannot be seen again."
        case .slipBack: "Back to the front desk page"
        case .boardLink: "Today's rooms"
        case .boardText: "The same screen as the lobby board."
        case .roadmapLink: "Renovation roadmap"
        case .roadmapText: "The works schedule and when each room is expected to close."
        case .roadmapImage: "Gantt chart of the renovation roadmap"
        case .refusedTitle: "This request was refused"
        case .refusedText: "The page may have been open too long, or the request came from another site. Open the page again and retry."
        case .cookiesText: "Signing in needs your browser's cookies. Turn cookies on and try again."
        case .backToTop: "To the top page"
        case .yourRegistration: "Your registration"
        case .registrationName: "Name"
        case .category: "Category"
        case .validUntil: "Valid until"
        case .memberForgotten: "If you forget your password, ask the front desk for a new sign-up code and set a new password on the sign-up page."
        case .footerText: "Nakano Ward Industry Promotion Center: bookings and use of the rooms"
        }
    }
}

/// The words in one language.
struct Words: Sendable {
    let language: Language
    /// The Japanese names of ids that refusals carry (`APIResponse.names`).
    var names: [String: String] = [:]

    subscript(_ phrase: Phrase) -> String { language == .ja ? phrase.ja : phrase.en }

    func role(_ role: Role) -> String {
        switch role {
        case .admin: self[.roleAdmin]
        case .staff: self[.roleStaff]
        case .planner: self[.rolePlanner]
        case .member: self[.roleMember]
        }
    }

    /// A user category: in Japanese as the API names it (`UserCategory.japaneseName`).
    func category(_ text: String) -> String {
        guard let category = UserCategory(rawValue: text) else { return text }
        guard language == .en else { return category.japaneseName }
        switch category {
        case .ward: return "Ward use"
        case .economicGroup: return "SME-related organisation"
        case .smallBusiness: return "Small business"
        case .communityGroup: return "Community group"
        case .general: return "General"
        case .freelancer: return "Freelancer (flexible desks)"
        }
    }

    /// A date as people read it: `令和8年12月9日(水)`, `Wed 9 Dec 2026`.
    func date(_ date: LocalDate) -> String {
        guard language == .en else { return date.japaneseReceiptLabel }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = date.weekday.english.prefix(1).uppercased() + date.weekday.english.dropFirst().prefix(2)
        return "\(weekday) \(date.day) \(months[max(0, min(11, date.month - 1))]) \(date.year)"
    }

    /// An instant in Japan: `令和8年12月9日(水) 10:00`.
    func dateTime(_ instant: Instant) -> String {
        let minute = instant.japanSecondOfDay / 60
        return date(instant.japanDate) + " " + LocalDate.pad(minute / 60, 2) + ":" + LocalDate.pad(minute % 60, 2)
    }

    /// A refusal in the reader's language, as the API words it
    /// (`APIResponse.localizedMessage`): the same Japanese, the same English.
    func refusal(_ refusal: any AnyRefusal) -> String {
        APIResponse.localizedMessage(code: refusal.codeName, english: refusal.message, details: refusal.details, names: names)
            .text(in: language)
    }
}
