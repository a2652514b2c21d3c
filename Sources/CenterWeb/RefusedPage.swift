import HTML

/// The page a refused form gets (403): what happened and the way back.
enum RefusedPage {
    static func render(context: PageContext, refusal: FormGuard.Refusal) -> Document {
        let words = context.words
        return Layout.page(words[.refusedTitle], context: context, switchPath: "/") {
            el(.h1) { words[.refusedTitle] }
            el(.p) { refusal == .noCookie ? words[.cookiesText] : words[.refusedText] }
            el(.p) { el(.a, .href("/")) { words[.backToTop] } }
        }
    }
}
