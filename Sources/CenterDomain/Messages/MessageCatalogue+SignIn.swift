extension MessageCatalogue {
    /// The Japanese of people's sign-in to the pages (docs/SECURITY.md):
    /// sign-in, sign-up codes, logins, passwords, accounts, and the lobby
    /// board's check-in code.
    static let signIn: [String: [String]] = [
        "sign_in_failed": ["ログインIDまたはパスワードが正しくありません。"],
        "sign_in_throttled": ["サインインの失敗が続いたため、受け付けを一時停止しています。{retry_after}秒後にもう一度お試しください。",
                              "サインインの失敗が続いたため、受け付けを一時停止しています。しばらくしてからもう一度お試しください。"],
        "invalid_signup_code": ["サインアップコードが正しくないか、有効期限が切れています。窓口で新しいコードを受け取ってください。"],
        "signup_throttled": ["コードの誤りが続いたため、受け付けを一時停止しています。{retry_after}秒後にもう一度お試しください。",
                             "コードの誤りが続いたため、受け付けを一時停止しています。しばらくしてからもう一度お試しください。"],
        "registration_unavailable": ["この利用登録ではサインアップできません。窓口にお問い合わせください。"],
        "invalid_login": ["ログインIDは3〜64文字の半角英小文字・数字と記号「. _ - @」で入力してください。"],
        "login_taken": ["このログインIDは既に使われています。別のログインIDにしてください。"],
        "password_too_short": ["パスワードは{minimum}文字以上で入力してください。", "パスワードが短すぎます。もっと長くしてください。"],
        "password_too_long": ["パスワードが長すぎます。{maximum}バイト以内で入力してください。", "パスワードが長すぎます。短くしてください。"],
        "password_too_common": ["このパスワードは推測されやすいため使えません。別のパスワードにしてください。"],
        "password_contains_login": ["パスワードにログインIDを含めないでください。"],
        "account_not_found": ["ログインID「{login}」のアカウントはありません。", "そのログインIDのアカウントはありません。"],
        "member_account_by_signup": ["利用者のアカウントは、窓口で発行するサインアップコードを使って利用者自身が作ります。"],
        "lobby_code_wrong": ["チェックインコードが違います。ロビーの表示に出ている本日のコード（6桁の数字）を入力してください。"],
        "lobby_code_throttled": ["チェックインコードの誤りが続いたため、受け付けを一時停止しています。{retry_after}秒後にもう一度お試しください。",
                                 "チェックインコードの誤りが続いたため、受け付けを一時停止しています。しばらくしてからもう一度お試しください。"],
    ]
}
