import FengqiaoServices
import Hummingbird

/// Counts the signed-in person's unread messages for the navigation's inbox badge, on page requests
/// only (GET from a browser); the count reaches the layout through `Views.unreadMessages`, so no page
/// has to ask for it.
struct InboxBadgeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let inbox: Inbox

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, let session = context.session, !session.staff.isMachine,
              ProblemMiddleware.wantsHTML(request)
        else { return try await next(request, context) }
        let unread = try? await inbox.unreadCount(caller: Caller(staff: session.staff, ip: context.clientIP))
        return try await Views.$unreadMessages.withValue(unread) { try await next(request, context) }
    }
}
