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
        }
        @media print{
        header.site,footer.site,.screen-only,.skip,form{display:none}
        body{font-size:11pt;color:#000}
        main{padding:0;max-width:none}
        a{color:#000;text-decoration:none}
        .slip{border:1px solid #000}
        }
        """
}
