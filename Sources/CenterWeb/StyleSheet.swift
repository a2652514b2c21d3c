import CenterDomain
import CenterService
import HTML

/// The pages' one style sheet, served from `/assets/site.css` (the
/// Content-Security-Policy allows no inline style). Its URL carries a digest
/// of the text, so browsers may keep it for a year and still get a new one
/// with each change. After the Digital Agency's design system: body text
/// 16 px and more with line height 1.7, text #1a1a1c on white (17:1), the
/// key blue #0017c1 (11:1), errors in #ce0000 (5.9:1), a thick focus ring,
/// 48-px touch targets, one column on a 360-px phone, and a print style.
enum StyleSheet {
    static let path = "/assets/site.css"
    static let bytes = Array(css.utf8)
    static let version = String(Hex.encode(SHA256.hash(bytes)).prefix(12))
    static let url = SafeURL(path + "?v=" + version)

    static let css = """
        *,*::before,*::after{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;font-family:"Noto Sans JP","Noto Sans CJK JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;font-size:1rem;line-height:1.7;letter-spacing:.02em;color:#1a1a1c;background:#fff}
        a{color:#0017c1;text-decoration:underline;text-underline-offset:.2em}
        a:hover{color:#00118f;text-decoration-thickness:.15em}
        a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible{outline:4px solid #1a1a1c;outline-offset:2px;box-shadow:0 0 0 2px #fff,0 0 0 8px #ffd43d}
        .skip{position:absolute;left:.5rem;top:-10rem;padding:.5rem 1rem;background:#fff;z-index:10}
        .skip:focus{top:.5rem}
        header.site{border-bottom:1px solid #767676;background:#fff}
        header.site .bar,header.site .account{max-width:60rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
        header.site .account{padding-top:0;justify-content:flex-end}
        .brand{font-weight:700;font-size:1.125rem;color:#1a1a1c;text-decoration:none}
        .brand:hover{color:#1a1a1c;text-decoration:underline}
        .who{margin:0;flex:1 1 12rem}
        .who .role{white-space:nowrap}
        form.inline{display:inline;margin:0}
        main{display:block;max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
        main>*{max-width:40rem}
        main>.chart,main>.slip{max-width:none}
        h1{font-size:1.75rem;line-height:1.4;margin:.5rem 0 1rem}
        h2{font-size:1.25rem;line-height:1.5;margin:2rem 0 .5rem}
        p{margin:.5rem 0 1rem}
        .lead{font-size:1.0625rem}
        form.stack{margin:1.5rem 0}
        .field{margin:0 0 1.5rem}
        .field label{display:block;font-weight:700;margin-bottom:.25rem}
        .required{display:inline-block;margin-left:.5rem;font-size:.875rem;font-weight:700;color:#ce0000}
        .hint{display:block;margin:0 0 .5rem;color:#414141;font-size:.9375rem}
        .field input{display:block;width:100%;max-width:24rem;min-height:3rem;padding:.5rem .75rem;font:inherit;color:#1a1a1c;background:#fff;border:1px solid #767676;border-radius:8px}
        .field input:hover{border-color:#1a1a1c}
        .field.invalid input{border:2px solid #ce0000}
        .error{margin:.5rem 0 0;color:#ce0000;font-weight:700}
        .error::before{content:"⚠ "}
        button{font:inherit;font-weight:700;min-height:3rem;padding:.5rem 1.5rem;border-radius:8px;cursor:pointer}
        button.primary{color:#fff;background:#0017c1;border:2px solid #0017c1}
        button.primary:hover{background:#00118f;border-color:#00118f}
        button.secondary{min-height:2.75rem;padding:.25rem 1rem;color:#0017c1;background:#fff;border:1px solid #0017c1}
        button.secondary:hover{background:#e8f1fe}
        .error-summary{margin:1rem 0 1.5rem;padding:1rem 1.25rem;border:3px solid #ce0000;border-radius:8px}
        .error-summary h2{margin:0 0 .5rem;font-size:1.125rem;color:#ce0000}
        .error-summary ul{margin:0;padding-left:1.25rem}
        .error-summary a{color:#ce0000;font-weight:700}
        .notice{margin:1rem 0;padding:.75rem 1rem;border-left:6px solid #0017c1;background:#e8f1fe}
        .notice p{margin:0}
        .aside{margin-top:2.5rem;padding-top:1rem;border-top:1px solid #767676}
        .links{padding-left:1.25rem}
        .links li{margin:.5rem 0}
        .links .hint{display:inline;margin-left:.75rem}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1.5rem;margin:1rem 0}
        .facts dt{font-weight:700}
        .facts dd{margin:0}
        .chart img{max-width:100%;height:auto;border:1px solid #767676}
        .slip{max-width:40rem;padding:1.5rem;border:2px solid #1a1a1c;border-radius:8px}
        .slip h1{margin-top:0}
        .signup-code{font-family:"Noto Sans Mono","DejaVu Sans Mono",monospace;font-size:1.75rem;font-weight:700;letter-spacing:.12em;white-space:nowrap}
        .steps li{margin:.5rem 0}
        .note{padding:.75rem 1rem;background:#f2f2f2}
        nav.site{background:#f2f2f2;border-bottom:1px solid #767676}
        nav.site ul{max-width:60rem;margin:0 auto;padding:.25rem 1rem;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
        nav.site a{display:inline-block;padding:.5rem 0;font-weight:700}
        main>.table-wrap,main>form.row,main>.month-nav{max-width:none}
        .field select{display:block;width:100%;max-width:24rem;min-height:3rem;padding:.5rem .75rem;font:inherit;color:#1a1a1c;background:#fff;border:1px solid #767676;border-radius:8px}
        .field.invalid select{border:2px solid #ce0000}
        fieldset{margin:0 0 1.5rem;padding:1rem;border:1px solid #767676;border-radius:8px}
        legend{font-weight:700;padding:0 .25rem}
        form.row{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
        form.row .field{margin-bottom:1rem}
        form.row button{margin-bottom:1rem}
        .table-wrap{overflow-x:auto;margin:1rem 0 1.5rem}
        .table-wrap.invalid{border-left:6px solid #ce0000;padding-left:.75rem}
        table.data{border-collapse:collapse;min-width:100%}
        table.data caption{text-align:left;font-weight:700;padding:.25rem 0 .5rem}
        table.data th,table.data td{border:1px solid #767676;padding:.5rem .75rem;text-align:left;vertical-align:top}
        table.data thead th{background:#f2f2f2}
        table.data tbody th{font-weight:700;white-space:nowrap}
        table.sheet td .state{display:block;font-size:.875rem;color:#414141}
        table.sheet td form{display:block;margin-top:.25rem}
        td.slot{white-space:nowrap}
        table.items tbody th{white-space:normal;min-width:14rem}
        table.items td{white-space:nowrap}
        td.free{background:#e6f5ea}
        td.booked{background:#f2f2f2;color:#414141}
        td.closed{background:#fbe9e9;color:#1a1a1c}
        td.held{background:#fff4d6}
        td.not_open,td.window_closed{background:#fff;color:#414141}
        tr.weekend th{color:#ce0000}
        label.pick{display:flex;align-items:center;gap:.5rem;min-height:2.75rem;cursor:pointer;font-weight:700}
        label.pick input{width:1.5rem;height:1.5rem;accent-color:#0017c1}
        ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;font-size:.9375rem}
        ul.legend .slot{display:inline-block;padding:0 .5rem;margin-right:.5rem;border:1px solid #767676;font-weight:700}
        .slot.free{background:#e6f5ea}.slot.booked{background:#f2f2f2}.slot.closed{background:#fbe9e9}.slot.held{background:#fff4d6}.slot.not_open{background:#fff}
        .month-nav{display:flex;justify-content:space-between;max-width:40rem}
        .actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1rem 0}
        a.button-link{display:inline-flex;align-items:center;min-height:3rem;padding:.5rem 1.5rem;border:2px solid #0017c1;border-radius:8px;font-weight:700;text-decoration:none}
        a.button-link:hover{background:#e8f1fe}
        button.danger{color:#fff;background:#ce0000;border:2px solid #ce0000}
        button.danger:hover{background:#a00000}
        button.slot-button{min-height:2.75rem;padding:.25rem .75rem;white-space:nowrap}
        .notice.alert{border-left-color:#ce0000;background:#fdeeee}
        ul.tiles{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem}
        ul.tiles li{border:1px solid #767676;border-radius:8px;padding:.75rem 1rem}
        ul.tiles a{font-weight:700;font-size:1.0625rem}
        ul.tiles .hint{margin:.25rem 0 0}
        ul.cards{list-style:none;padding:0}
        ul.cards li{border:1px solid #767676;border-radius:8px;padding:.75rem 1rem;margin:0 0 .75rem}
        ul.cards p{margin:.25rem 0}
        ul.closures{padding-left:1.25rem}
        .board-link{overflow-wrap:anywhere}
        .refund{font-size:1.0625rem;font-weight:700}
        form.check-in{border:2px solid #0017c1;border-radius:8px;padding:1rem}
        ul.hourly-rooms{padding-left:1.25rem}
        ul.hourly-rooms a.hours{margin-right:1rem;white-space:nowrap}
        .facts dd{overflow-wrap:anywhere}
        code.digest{font-family:"Noto Sans Mono","DejaVu Sans Mono",monospace;font-size:.875rem;overflow-wrap:anywhere}
        main>form.grid{max-width:none}
        table.hourly th,table.hourly td{padding:.25rem .375rem;font-size:.875rem}
        table.hourly td.slot{text-align:center}
        table.hourly abbr{text-decoration:none}
        table.hourly label.pick{justify-content:center}
        .visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
        fieldset.choices.columns{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:0 1rem}
        fieldset.choices.columns legend{grid-column:1/-1}
        td .contact{display:block;font-size:.875rem;color:#414141;white-space:nowrap}
        td .actions{margin:0;gap:.5rem}
        a.button-link.secondary{min-height:2.75rem;padding:.25rem 1rem;border-width:1px}
        section.ledger{max-width:none}
        form.payout{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        form.payout select{min-height:2.75rem;font:inherit;border:1px solid #767676;border-radius:8px;padding:0 .5rem}
        td a.receipt-link{display:block;font-weight:700}
        td form.inline{display:inline-block;margin-top:.25rem}
        li.offer,section.offer{border-color:#0017c1;border-width:3px}
        section.offer{border:3px solid #0017c1;border-radius:8px;padding:0 1rem}
        ul.effects{padding-left:1.25rem}
        article.closure{border:1px solid #767676;border-radius:8px;padding:.5rem 1rem;margin:0 0 1rem;max-width:none}
        article.closure.lifted{background:#f2f2f2}
        article.closure h3{font-size:1.0625rem;margin:.5rem 0}
        .badge{display:inline-block;margin-left:.5rem;padding:0 .5rem;border:1px solid #414141;border-radius:4px;font-size:.875rem;font-weight:400}
        fieldset.choices .check,div.check,fieldset .check{display:flex;align-items:center;gap:.5rem;min-height:2.75rem}
        .check input{width:1.5rem;height:1.5rem;accent-color:#0017c1;flex:none}
        .check label{font-weight:400}
        fieldset.choices.invalid{border:2px solid #ce0000}
        fieldset .row{display:flex;flex-wrap:wrap;gap:0 1rem}
        input.feed-url{font-family:"Noto Sans Mono","DejaVu Sans Mono",monospace;max-width:none}
        td a.wait{display:block;font-size:.875rem}
        td.waiting_list{background:#fff4d6}
        fieldset.duplicates{border:3px solid #ce0000}
        footer.site{border-top:1px solid #767676;color:#414141;font-size:.875rem}
        footer.site p{max-width:60rem;margin:0 auto;padding:1rem}
        @media (max-width:40rem){
        header.site .account{gap:.5rem .75rem;flex-wrap:nowrap}
        .who{flex:1 1 auto;min-width:0;overflow-wrap:anywhere}
        header.site .account form{flex:none}
        h1{font-size:1.5rem}
        .facts{grid-template-columns:1fr;gap:0}
        .facts dd{margin-bottom:.75rem}
        .signup-code{font-size:1.375rem;letter-spacing:.06em}
        button.primary{width:100%}
        .links .hint{display:block;margin-left:0}
        table.desks th,table.desks td{padding:.25rem .375rem}
        table.desks thead th{font-size:.875rem}
        button.slot-button{min-height:2.75rem;min-width:2.75rem;padding:.25rem .375rem;font-size:.9375rem}
        }
        @media print{
        header.site,footer.site,nav.site,.screen-only,.skip,form,form.row,form.inline,form.stack,table.sheet td form,.notice,td .actions,td a.button-link{display:none}
        table.data th,table.data td{border-color:#000;padding:.25rem .5rem}
        td.free,td.booked,td.closed,td.held{background:none}
        body{font-size:11pt;color:#000}
        main{padding:0;max-width:none}
        a{color:#000;text-decoration:none}
        .slip{border:1px solid #000}
        }
        """
}
