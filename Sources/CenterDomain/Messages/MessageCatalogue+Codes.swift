/// The Japanese of every other code the service answers: the booking and
/// registration rules, the use cases, the API's input and access codes and
/// the HTTP server's own. Each code's last template names no detail, so a
/// refusal always has Japanese, however few details it carries.
extension MessageCatalogue {
    static let everyCode: [String: [String]] = [
        // Registrations (利用登録)
        "registration_not_found": ["登録ID {registration} の利用登録はありません。", "その利用登録はありません。"],
        "invalid_name": text("名前を1行、200文字以内で入力してください。"),
        "invalid_contact": text("連絡先を1行、500文字以内で入力してください。"),
        "registration_already_erased": ["登録ID {registration} の個人情報は消去済みです。新しく登録してください。",
                                        "この利用登録の個人情報は消去済みです。新しく登録してください。"],
        "registration_not_active": ["登録ID {registration} は{status:state}のため、この手続きはできません。",
                                    "この利用登録は有効ではないため、この手続きはできません。"],
        "erasure_blocked": ["予約・契約・未精算のものが残っているため、個人情報を消去できません。先に精算か取消しをしてください。"],
        "registration_expired": ["この利用登録の有効期間は{valid_from:date}〜{valid_until:date}で、{date:date}は期間外です。先に更新してください。",
                                 "この利用登録は有効期間外です（{valid_from:date}〜{valid_until:date}）。",
                                 "この利用登録は有効期間外です。"],
        "registration_suspended": ["この利用登録は{suspended_until:date}まで利用停止中です。", "この利用登録は利用停止中です。"],
        "validity_invalid": ["有効期間の開始日（{valid_from:date}）が終了日（{valid_until:date}）より後になっています。",
                             "有効期間の開始日が終了日より後になっています。"],
        "validity_too_long": ["有効期間は交付日から2年までです（{valid_from:date}からなら{latest_valid_until:date}まで）。",
                              "有効期間は交付日から2年までです。"],
        "renewal_not_open": ["更新は{opens:date}から受け付けます（有効期限 {valid_until:date}）。", "更新の受付期間前です。"],
        "corporate_number_invalid": ["法人番号が正しくありません。13桁の番号（先頭はチェックデジット）を確認してください。"],
        "ward_share_too_low": ["地域団体は構成員の半数以上が区内在住・在勤・在学である必要があります（{member_count}人中{members_in_ward}人）。",
                               "地域団体は構成員の半数以上が区内在住・在勤・在学である必要があります。"],
        "sme_share_too_low": ["中小企業勤労者団体は構成員の6割以上が中小企業の従業員である必要があります（{member_count}人中{sme_employee_members}人）。",
                              "中小企業勤労者団体は構成員の6割以上が中小企業の従業員である必要があります。"],
        "bylaws_required": ["中小企業勤労者団体には規約または会則が必要です。"],
        "sme_sector_required": ["中小企業の規模を確認するため、業種を入力してください。"],
        "not_an_sme": ["資本金（{capital_limit_yen:yen}以下）か常時使用する従業員数（{employee_limit}人以下）の少なくとも一方が中小企業の範囲内である必要があります。",
                       "資本金か従業員数の少なくとも一方が中小企業の範囲内である必要があります。"],
        "too_few_members": ["団体の構成員は{minimum}人以上必要です（{member_count}人）。", "団体の構成員が足りません。"],
        "office_in_ward_required": ["中野区内の事務所・事業所または住所が必要です。"],

        // Bookings (予約)
        "booking_not_found": ["予約番号 {booking} の予約はありません。", "その予約はありません。"],
        "divisions_required": ["時間区分を1つ以上選んでください。"],
        "division_not_offered": ["{facility:name}は{division:name}の区分では予約できません。", "時間区分「{division}」はありません。",
                                 "その時間区分では予約できません。"],
        "divisions_repeated": ["同じ時間区分が重複しています。"],
        "days_invalid": ["日数は1日から31日までです（指定: {days}）。", "日数は1日から31日までです。"],
        "exemption_unknown": ["減免コード「{code}」はありません。", "減免の指定が正しくありません（コードは10件まで）。"],
        "guardian_invalid": text("保護者・保育者の名前を1行、200文字以内で入力してください。"),
        "purpose_invalid": text("利用目的を1行、500文字以内で入力してください。"),
        "admission_invalid": ["入場料は1人あたり0円から10,000,000円までで入力してください。"],
        "category_not_permitted": ["{category:category}の利用者区分では{kind:name}を予約できません。", "この利用者区分では予約できません。"],
        "slot_taken": ["{facility:name}の{date:date} {division:name}はすでに予約されています。", "その時間はすでに予約されています。"],
        "facility_not_bookable": ["{facility:name}は予約して使う施設ではありません（自由にご利用いただけるスペースです）。",
                                  "この施設は予約して使う施設ではありません。"],
        "facility_not_found": ["施設「{facility}」はありません。", "その施設はありません。"],
        "facility_closed": ["{facility:name}は{date:date}は休館です（{reason_text_ja}）。", "{date:date}は休館日です。", "休館日のため利用できません。"],
        "payment_deadline_passed": ["支払期限（{payment_deadline:instant}）を過ぎたため、この仮予約は支払えません。",
                                    "支払期限を過ぎたため、この仮予約は支払えません。"],
        "check_in_not_today": ["チェックインは利用日（{first_date:date}〜{last_date:date}）に行います。", "チェックインは利用日に行います。"],
        "reason_invalid": text("理由を1行、500文字以内で入力してください。"),
        "invalid_transition": ["{from:state}の予約を{to:state}にはできません。", "この予約の状態ではその操作はできません。"],
        "coupling_required": ["{facility:name}は、同じ日時（{date:date} {division:name}）に{requires_any_of:names}のいずれかを予約している場合にだけ予約できます。",
                              "この施設は組み合わせる部屋を先に予約した場合にだけ予約できます。"],
        "guardian_required": ["{facility:name}の予約には保護者または専任の保育者の名前（guardian）が必要です。",
                              "保護者または専任の保育者の名前（guardian）が必要です。"],
        "division_past": ["{date:date}の{division:name}は{ended_at:time}に終了したため予約できません。", "終了した時間区分は予約できません。"],
        "monthly_limit_reached": ["同じ施設区分で1か月に予約できるのは{limit}コマまでです（{month}: 予約済み{booked}コマ、今回{requested}コマ）。",
                                  "1か月に予約できるコマ数の上限に達しています。"],
        "attendees_invalid": ["利用人数は1人以上で入力してください。"],
        "capacity_exceeded": ["{facility:name}の定員は{capacity}人です（指定: {attendees}人）。", "定員を超えています。"],
        "community_quota_reserved": ["{month}のこの施設は地域の方の利用枠として確保されています。{release_date:date}からはどなたでも予約できます。",
                                     "地域の方の利用枠として確保されています。"],
        "consecutive_day_limit": ["連続して利用できるのは{limit}日までです（{from:date}〜{to:date}で{days}日になります）。",
                                  "連続して利用できる日数を超えています。"],
        "window_not_open": ["{date:date}の予約は{opens:date}から受け付けます。", "まだ予約の受付期間前です。"],
        "window_closed": ["{date:date}の予約受付は{closes:date}で終了しました。",
                          "この時間帯のチェックイン期限（{check_in_deadline:instant}）を過ぎたため予約できません。",
                          "過去の日付（{date:date}）は予約できません。", "予約の受付期間が終了しています。"],

        // Last resorts for the front desk's templates, which all name details
        "possible_duplicate": ["同じ氏名と電話番号、または同じ法人番号の登録がすでにあります。確認のうえ、別の利用者として登録する場合は confirm_new を true にしてください。"],
        "overpayment": ["入金額が未収額を超えています。受け取れるのは未収額までです。"],
        "refund_exceeds_payments": ["還付額が還付できる額を超えています。"],
        "refund_payout_exceeds_due": ["支払う還付金が未払いの還付額を超えています。"],
        "receipt_out_of_order": ["前の領収書より前の年度の日付では領収書を発行できません。"],
        "no_show_not_booking_day": ["無断キャンセルは利用日に記録します。"],
        "no_show_too_early": ["利用開始より前は無断キャンセルを記録できません。"],

        // Closures (臨時休館)
        "date_range_invalid": ["臨時休館は1回{limit}日までです（{date:date}〜{to:date}）。",
                               "開始日（{from:date}）が終了日（{to:date}）より後になっています。",
                               "開始日（{date:date}）が終了日（{to:date}）より後になっています。", "期間の指定が正しくありません。"],
        "range_too_long": ["一度に指定できる期間を超えています（{from:date}〜{to:date}）。期間を短くしてください。",
                           "一度に指定できる期間を超えています。期間を短くしてください。"],
        "reason_required": ["休館の理由を reason_ja（日本語）か reason_en（英語）、または両方で入力してください。"],
        "whole_booking_not_hit": ["予約番号 {booking} はこの臨時休館の対象の予約ではありません。", "この臨時休館の対象ではない予約が含まれています。"],
        "closure_not_found": ["臨時休館 {closure} はありません。", "その臨時休館はありません。"],
        "closure_already_lifted": ["臨時休館 {closure} は{lifted_at:instant}に解除済みです。", "この臨時休館は解除済みです。"],
        "year_not_supported": ["祝日は1990年から2099年まで計算できます（指定: {year}年）。", "祝日を計算できない年です（1990〜2099年）。"],

        // Flexible desks (フリーデスク)
        "desk_pass_not_found": ["フリーデスク利用 {desk_pass} はありません。", "そのフリーデスク利用はありません。"],
        "registration_required": ["対象の利用登録（registration）を指定してください。見積りでは registration か category のどちらか一方を指定します。"],
        "desk_not_found": ["デスク「{desk}」はありません。", "そのデスクはありません。"],
        "pass_overlaps": ["{date:date}の{period:name}にはすでにフリーデスクの予約があります。", "同じ時間帯にすでにフリーデスクの予約があります。"],
        "desk_taken": ["{desk}は{date:date}の{period:name}にはすでに予約されています。", "そのデスクはすでに予約されています。"],
        "no_desk_free": ["{date:date}の{period:name}は空いているデスクがありません。", "空いているデスクがありません。"],
        "already_checked_in": ["このフリーデスク利用はすでにチェックイン済みです。"],
        "desk_pass_cancelled": ["このフリーデスク利用は取り消されています。"],
        "desk_pass_released": ["このフリーデスク利用は無断不使用として解放されています。"],
        "weekly_limit_reached": ["フリーデスクは1週間に{limit}日までです（{week_of:date}からの週）。", "1週間に利用できる日数の上限に達しています。"],
        "period_unknown": ["時間帯「{period}」はありません（am・pm・night・day）。", "その時間帯はありません。"],
        "not_a_freelancer": ["フリーデスクはフリーランスの利用登録で予約できます（この登録は{category:category}です）。",
                             "フリーデスクはフリーランスの利用登録で予約できます。"],
        "check_in_too_early": ["チェックインは利用日（{date:date}）から受け付けます。", "チェックインは利用日から受け付けます。"],
        "check_in_too_late": ["チェックインの期限（{check_in_deadline:instant}）を過ぎています。", "チェックインの期限を過ぎています。"],
        "cancel_too_late": ["利用開始（{starts_at:instant}）の後は取り消せません。", "利用開始の後は取り消せません。"],

        // Lockers (モバイルロッカー)
        "locker_lease_not_found": ["ロッカー契約 {lease} はありません。", "そのロッカー契約はありません。"],
        "lease_not_active": ["ロッカー契約 {lease} は{state:state}のため、この手続きはできません。", "契約中ではないため、この手続きはできません。"],
        "lease_not_ended": ["ロッカー契約 {lease} はまだ終了していません（{state:state}）。本店移転の確認は契約終了後に行います。",
                            "本店移転の確認は契約終了後に行います。"],
        "corporate_number_already_set": ["ロッカー契約 {lease} には法人番号が登録済みです。", "法人番号は登録済みです。"],
        "company_has_lease": ["この法人はすでにロッカーを契約しています（契約 {lease}）。", "この法人はすでにロッカーを契約しています。"],
        "start_month_past": ["契約の開始月は{earliest}以降にしてください（指定: {start_month}）。", "契約の開始月は今月以降にしてください。"],
        "start_month_too_far": ["契約の開始月は{latest}までにしてください（指定: {start_month}）。", "契約の開始月が先すぎます。"],
        "locker_not_found": ["ロッカー「{locker}」はありません。", "そのロッカーはありません。"],
        "locker_not_free": ["そのロッカーは現在貸し出せません。"],
        "no_locker_free": ["空いているロッカーがありません。空き待ちに申し込めます。"],
        "locker_offer_not_found": ["空き案内 {offer} はありません。", "その空き案内はありません。"],
        "offer_not_open": ["空き案内 {offer} はすでに{state:state}です。", "この空き案内は受付中ではありません。"],
        "offer_expired": ["空き案内 {offer} の保留期限（{expires_on:date}）を過ぎています。", "空き案内の保留期限を過ぎています。"],
        "already_waiting": ["この利用登録はすでに空き待ちに申し込んでいます（申込み {entry}）。", "この利用登録はすでに空き待ちに申し込んでいます。"],
        "invalid_note": text("備考は500文字以内で入力してください。"),
        "lease_term_too_short": ["ロッカーの契約期間は{minimum_months}か月以上です（指定: {months}か月）。", "契約期間が短すぎます。"],
        "lease_term_too_long": ["ロッカーの契約期間は通算{max_total_months}か月までです（指定: {months}か月）。", "契約期間が長すぎます。"],
        "lease_limit_reached": ["通算の上限（{max_end:date}まで）に達しているため、これ以上更新できません。", "通算の契約期間の上限に達しています。"],
        "invalid_check": ["{check:name}の確認日は今日より後にできません（{checked_on:date}）。", "{check:name}の記録が正しくありません。",
                          "確認の記録が正しくありません。"],
        "lessee_kind_required": ["法人番号（corporate_number）か創業予定者（founder: true）のどちらか一方を指定してください。"],
        "invalid_corporate_number": ["法人番号が正しくありません。13桁の番号（先頭はチェックデジット）を確認してください。"],
        "corporate_number_mismatch": ["法人番号 {corporate_number} は利用登録の法人番号（{registered_corporate_number}）と一致しません。",
                                      "この利用登録には法人番号 {registered_corporate_number} が記録されています。創業予定者ではなく、その法人として契約してください。",
                                      "法人番号が利用登録のものと一致しません。"],

        // Storage (備品倉庫)
        "fiscal_year_past": ["倉庫の申込みは今年度か来年度の分です（{fiscal_year}年度は過ぎています）。", "倉庫の申込みは今年度か来年度の分です。"],
        "fiscal_year_too_far": ["倉庫の申込みは今年度か来年度の分です（{fiscal_year}年度はまだ受け付けていません）。", "倉庫の申込みは今年度か来年度の分です。"],
        "invalid_units": ["申込みの単位数は1から{largest_bay}までです（指定: {units}）。", "申込みの単位数が正しくありません。"],
        "storage_category_not_allowed": ["倉庫は地域団体、中野区観光協会、シルバー人材センターに割り当てます（{category:category}は対象外です）。",
                                         "倉庫は地域団体、中野区観光協会、シルバー人材センターに割り当てます。"],
        "storage_application_not_found": ["倉庫の申込み {application} はありません。", "その倉庫の申込みはありません。"],
        "storage_item_not_found": ["備品 {item} はありません。", "その備品はありません。"],
        "storage_allocation_not_found": ["倉庫の割当て {allocation} はありません。", "その倉庫の割当てはありません。"],
        "invalid_field": text("入力内容が正しくありません。"),
        "invalid_quantity": ["数量が範囲外です（指定: {quantity}）。", "数量が範囲外です。"],
        "item_already_out": ["備品 {item} はすでに持ち出されています。", "この備品はすでに持ち出されています。"],
        "item_not_out": ["備品 {item} は持ち出されていません。", "この備品は持ち出されていません。"],

        // Roadmap (改修ロードマップ)
        "unknown_item": ["そのロードマップ項目はありません。"],
        "no_manager": ["その日付を担当する指定管理者の期間がありません。"],
        "displacement_unconfirmed": ["この変更で予約とフリーデスク利用 {displaced_count} 件が取り消されます。details.dry_run を確認し、confirm_displaced={displaced_count} を付けて送ってください。",
                                     "この変更で取り消される予約があります。確認のうえ confirm_displaced を付けて送ってください。"],
        "invalid_schedule": ["スケジュールの内容が正しくありません。"],
        "dependency_not_done": ["先に完了している必要がある項目が完了していません。"],
        "invalid_dates": ["日付の組み合わせが正しくありません。"],
        "closure_outside_item_dates": ["工事による休館は、その項目の予定期間か実施期間の中にだけ設定できます。"],
        "item_done": ["完了した項目の工事休館は増やせません。"],

        // Calendar feeds (カレンダー配信)
        "feed_token_not_found": ["登録ID {registration} にはカレンダー配信のURLがありません。", "カレンダー配信のURLがありません。"],
        "feed_not_found": ["このカレンダー配信のURLは無効です（取り消されたか、存在しません）。"],

        // Tokens, access and idempotency
        "invalid_expiry": ["有効期限は現在より後の日時にしてください。"],
        "unknown_registration": ["登録ID {registration} の利用登録はありません。存在する利用登録を指定してください。", "指定した利用登録はありません。存在する利用登録を指定してください。"],
        "token_not_found": ["そのトークンはありません（または取消し済みです）。"],
        "unauthorized": ["この操作には認証が必要です。Authorization: Bearer <トークン> を付けてください。"],
        "invalid_token": ["トークンが無効です（存在しない、取消し済み、または期限切れです）。"],
        "forbidden": ["この操作を行う権限がありません。"],
        "idempotency_key_invalid": ["Idempotency-Key は1〜200文字の表示可能なASCII文字で指定してください。"],
        "idempotency_key_reused": ["この Idempotency-Key（{key}）は別のリクエストで使われています。新しいキーで送ってください。",
                                   "この Idempotency-Key は別のリクエストで使われています。新しいキーで送ってください。"],

        // The request itself
        "invalid_parameter": ["クエリパラメータ {parameter} の値が正しくありません。", "クエリパラメータの値が正しくありません。"],
        "unknown_parameter": ["この操作にクエリパラメータ {parameter} はありません（使えるもの: {accepted}）。",
                              "この操作にクエリパラメータ {parameter} はありません。", "使えないクエリパラメータがあります。"],
        "duplicate_parameter": ["クエリパラメータ {parameter} が2回以上指定されています。", "同じクエリパラメータが2回以上指定されています。"],
        "date_out_of_range": ["{parameter} は1900-01-01から2200-12-31までの日付で指定してください。", "日付は1900年から2200年までで指定してください。"],
        "unsupported_media_type": ["リクエスト本文は JSON（Content-Type: application/json）で送ってください。"],
        "invalid_json": ["リクエスト本文が正しいJSONではありません（{position}）。", "リクエスト本文が正しいJSONではありません。"],
        "duplicate_field": ["リクエスト本文の {path} で同じ項目が2回指定されています。", "リクエスト本文で同じ項目が2回指定されています。"],
        "unknown_field": ["この操作では {path} という項目は使えません。", "使えない項目があります。"],
        "invalid_body": ["{path}: {reason_ja}。", "リクエスト本文の {path} の値が正しくありません。", "リクエスト本文の値が正しくありません。"],

        // Hourly rooms (1時間単位), the nursery room's approval (保育室)
        "facility_not_hourly": ["{facility:name}は時間区分（午前・午後・夜間）で予約する施設です。時間単位では予約できません。",
                                "この施設は時間単位では予約できません。"],
        "hours_required": ["{facility:name}は1時間単位で予約します。開始と終了の時刻（hours）を指定してください。",
                           "1時間単位の施設です。開始と終了の時刻を指定してください。"],
        "hour_not_on_the_hour": ["時間単位の予約は正時（00分）に始まり正時に終わります。", "開始・終了の時刻は正時で指定してください。"],
        "hour_range_invalid": ["時間単位の予約は1時間以上で、開始が終了より前である必要があります。"],
        "hour_past": ["{date:date} {start}からの時間はすでに過ぎています。これより後の時間で予約してください。",
                      "その時間はすでに過ぎています。"],
        "outside_opening_hours": ["{facility:name}は{opens}から{closes}までの間で予約できます。", "利用できる時間の範囲外です。"],
        "approval_invalid": ["承認の{field:field}が正しくありません。", "承認の内容が正しくありません。"],
        "coupling_approval_not_allowed": ["{facility:name}は単独利用の承認の対象ではありません。", "この施設には単独利用の承認は使えません。"],

        // Lottery rounds (抽選)
        "lottery_round_not_found": ["抽選「{round}」はありません。", "その抽選はありません。"],
        "lottery_not_held": ["{facility:name}は抽選の対象ではありません。先着順で予約してください。", "この施設は抽選の対象ではありません。"],
        "lottery_category_not_permitted": ["{category:category}の利用者区分はこの抽選に申し込めません。先着順の予約をご利用ください。",
                                           "この利用者区分ではこの抽選に申し込めません。"],
        "lottery_entry_not_open": ["{month}分の抽選申込みは{entry_opens:instant}から受け付けます。", "抽選の申込期間前です。"],
        "lottery_entry_closed": ["{month}分の抽選申込みは{entry_closes:instant}に締め切りました。", "抽選の申込期間は終わっています。"],
        "lottery_entry_duplicate": ["{date:date}のこの枠にはすでに申し込んでいます（申込番号 {entry}）。", "同じ枠にすでに申し込んでいます。"],
        "lottery_entry_limit_reached": ["この抽選に申し込めるのは1登録{limit}件までです（申込済み{entries}件）。",
                                        "この抽選の申込件数の上限に達しています。"],
        "lottery_entry_not_found": ["申込番号 {entry} の抽選申込みはありません。", "その抽選申込みはありません。"],
        "lottery_pending": ["{month}分は抽選で割り当てます。先着順の予約は{first_come_opens:instant}から受け付けます。",
                            "この月は抽選で割り当てるため、まだ先着順では予約できません。"],
        "lottery_ballot_not_published": ["{month}分の申込一覧は申込締切（{entry_closes:instant}）の後に公開します。",
                                         "抽選の申込一覧はまだ公開されていません。"],
        "lottery_not_drawn": ["{month}分の抽選は{draw_at:instant}に行います。", "抽選はまだ行われていません。"],

        // Cancellation waiting list (キャンセル待ち)
        "waiting_list_not_offered": ["{facility:name}にはキャンセル待ちがありません。先着順で予約してください。",
                                     "キャンセル待ちは受け付けていません。"],
        "waiting_list_closed": ["{date:date}分のキャンセル待ちは{last_waiting_day:date}で締め切りました。", "キャンセル待ちの受付は終わっています。"],
        "waiting_slot_free": ["{facility:name}の{date:date} {division:name}は空いています。キャンセル待ちではなく予約してください。",
                              "その枠は空いています。予約してください。"],
        "waiting_own_slot": ["{facility:name}の{date:date} {division:name}はすでにこの登録で予約しています。", "その枠はすでに予約しています。"],
        "waiting_limit_reached": ["{month}のキャンセル待ちは1登録{limit}件までです（{entries}件）。", "キャンセル待ちの件数の上限に達しています。"],
        "waiting_entry_not_found": ["受付番号 {entry} のキャンセル待ちはありません。", "そのキャンセル待ちはありません。"],
        "offer_not_found": ["受付番号 {entry} には回答できるご案内がありません。", "回答できるご案内はありません。"],
        "slot_held_for_waiting": ["{facility:name}の{date:date} {division:name}はキャンセル待ちの方にご案内中です。",
                                  "その枠はキャンセル待ちの方にご案内中です。"],

        // Series bookings (定期利用)
        "series_not_found": ["番号 {series} の定期利用はありません。", "その定期利用はありません。"],
        "series_cancelled": ["番号 {series} の定期利用は取り消されています。", "この定期利用は取り消されています。"],
        "series_pattern_invalid": ["繰り返しの指定が正しくありません（毎週・毎月の曜日や日を確認してください）。"],
        "series_too_long": ["定期利用は1年までです（{from:date}からなら{latest_through:date}まで）。", "定期利用は1年までです。"],

        // The HTTP server's own
        "bad_request": ["リクエストの形式が正しくありません。"],
        "invalid_encoding": ["URLのクエリがUTF-8ではありません。文字はUTF-8で送ってください（例: ?q=%E5%B1%B1%E7%94%B0）。"],
        "not_found": ["このURLには何もありません。"],
        "method_not_allowed": ["このURLではこのメソッドは使えません。"],
        "request_timeout": ["リクエストが時間内に届きませんでした。"],
        "content_too_large": ["リクエスト本文が大きすぎます。"],
        "uri_too_long": ["リクエストのURLが長すぎます。"],
        "expectation_failed": ["Expect は 100-continue だけに対応しています。"],
        "header_fields_too_large": ["リクエストヘッダーが大きすぎます。"],
        "not_implemented": ["このHTTPメソッドには対応していません。"],
        "service_unavailable": ["ただいま混み合っています。しばらくしてからもう一度お試しください。"],
        "version_not_supported": ["HTTP/1.0 と HTTP/1.1 だけに対応しています。"],
        "internal_error": ["サーバーの内部でエラーが起きました。時間をおいてもう一度お試しください。"],
    ]

    /// The templates of a text field's refusal (`TextRule.check`): too
    /// long with its limit, another problem, or `fallback`.
    static func text(_ fallback: String) -> [String] {
        ["{field:field}は{maximum}文字以内で入力してください（{length}文字あります）。", "{field:field}{problem:problem}。", fallback]
    }

    /// Japanese names of the ids details carry (divisions, kinds, states,
    /// checks); facility names come from the configuration
    /// (`message(code:english:details:names:)`).
    static let defaultNames: [String: String] = [
        "am": "午前", "pm": "午後", "night": "夜間", "day": "終日",
        "room": "部屋", "desk": "フリーデスク", "locker": "ロッカー", "storage_bay": "備品倉庫",
        "active": "有効", "suspended": "利用停止中", "expired": "有効期間外",
        "ended": "終了", "cancelled": "取消し", "open": "受付中", "accepted": "受諾済み", "declined": "辞退済み",
        "booked": "予約済", "checked_in": "利用中",
        "identity_check": "本人確認", "registry_extract_check": "登記事項証明書",
    ]

    /// Japanese names of request fields, for `{field:field}`.
    static let fieldNames: [String: String] = [
        "name": "名前", "contact": "連絡先", "purpose": "利用目的", "guardian": "保護者・保育者の名前",
        "reason": "理由", "reason_ja": "理由（日本語）", "reason_en": "理由（英語）", "note": "備考",
        "holder_name": "保管者名", "event": "行事名", "place": "行き先", "by": "担当者名", "document": "書類名",
        "checker": "確認者名", "q": "検索語", "payer": "宛名", "issuer": "発行者名", "name_kana": "フリガナ",
        "address": "住所", "postal_code": "郵便番号",
    ]

    /// What the problem of a text (`TextProblem.details`) says after the field's name.
    static let problems: [String: String] = [
        "blank": "を入力してください", "too_long": "が長すぎます", "control_character": "に制御文字は使えません",
        "line_break": "は1行で入力してください",
    ]
}
