import Storage

/// The routes of citizens' data: contact lists for the purpose citizens agreed to, access and
/// erasure by receipt or contact, and retention rules (the table lives with its APIs, so
/// `Application+Routes` only appends it).
struct CitizensDataRoutes: Sendable {
    let receipts: ReceiptsAPI
    let contacts: ContactsAPI
    let retention: RetentionAPI

    /// `erased` is told after answers are erased (see ``AnalysisServices/answersErased()``).
    init(store: Store, sessions: SessionDirectory, library: FormLibrary, erased: @escaping @Sendable () -> Void = {}) {
        receipts = ReceiptsAPI(store: store, sessions: sessions, erased: erased)
        contacts = ContactsAPI(store: store, sessions: sessions, erased: erased)
        retention = RetentionAPI(store: store, sessions: sessions, library: library)
    }

    /// Every route, with who may call it; analysts reach none of them.
    var routes: [AppRoute] {
        [
            .staff(.get, "/api/staff/sessions/{code}/contacts", .facilitators, .work(contacts.list)),
            .staff(.get, "/api/staff/sessions/{code}/retention", .facilitators, .work(retention.schedule)),
            .staff(.get, "/api/staff/contacts", .admins, .work(contacts.search)),
            .staff(.delete, "/api/staff/contacts/{id}", .admins, .work(contacts.erase)),
            .staff(.get, "/api/staff/receipts/{receipt}", .admins, .work(receipts.lookup)),
            .staff(.delete, "/api/staff/receipts/{receipt}", .admins, .work(receipts.erase)),
            .staff(.get, "/api/staff/retention/rules", .admins, .work(retention.rules)),
            .staff(.put, "/api/staff/retention/rules", .admins, .work(retention.save)),
            .staff(.delete, "/api/staff/retention/rules/{id}", .admins, .work(retention.delete)),
            .page("/staff/privacy", "staff/privacy.html", .admins),
            .page("/staff/receipts/{receipt}", "staff/receipt.html", .admins),
        ]
    }
}
