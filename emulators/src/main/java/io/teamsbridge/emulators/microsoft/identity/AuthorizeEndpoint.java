package io.teamsbridge.emulators.microsoft.identity;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /{tenant}/oauth2/v2.0/authorize}. GET (or a POST of the same parameters) validates the
 * request, then either signs the SSO-session user in at once or shows the sign-in + consent page.
 * The page posts back here with the original parameters plus {@code action} and the chosen
 * account; every parameter is validated again on that post, so the page holds no server state.
 */
final class AuthorizeEndpoint {
    private final AppRegistration app;
    private final UserDirectory directory;
    private final AuthorizationCodes codes;
    private final SsoSession session;
    private final SignInPage page = new SignInPage();
    private final Clock clock;

    AuthorizeEndpoint(AppRegistration app, UserDirectory directory, AuthorizationCodes codes, SsoSession session,
            Clock clock) {
        this.app = app;
        this.directory = directory;
        this.codes = codes;
        this.session = session;
        this.clock = clock;
    }

    Response get(Request request) {
        return answer(request, request.query(), this::signIn);
    }

    Response post(Request request) {
        Map<String, String> form = request.form();
        if (!form.containsKey("action")) {
            // Entra also accepts the authorize parameters as a form post.
            return answer(request, form, this::signIn);
        }
        return answer(request, form, valid -> submit(request, form, valid));
    }

    /** Validates the parameters; only a valid request reaches {@code onValid}. */
    private Response answer(Request http, Map<String, String> params, Function<Validated, Response> onValid) {
        return switch (AuthorizeRequest.parse(http.pathParam("tenant"), params, app)) {
            case AuthorizeRequest.ErrorPage e -> page.error(e.error(), OAuthError.Trace.now(clock));
            case AuthorizeRequest.ErrorRedirect e -> e.reply().error(e.error(), OAuthError.Trace.now(clock));
            case AuthorizeRequest.Valid v -> onValid.apply(new Validated(http, v.request()));
        };
    }

    /** A request that passed validation, with the HTTP exchange it came in. */
    private record Validated(Request http, AuthorizeRequest request) {}

    private Response signIn(Validated valid) {
        AuthorizeRequest request = valid.request();
        Optional<User> signedIn = session.userId().flatMap(directory::byId);
        if (signedIn.isPresent() && !request.forcesInteraction()) {
            return request.reply().code(codes.issue(request, signedIn.get().id()));
        }
        if ("none".equals(request.prompt())) {
            return request.reply().error(OAuthError.loginRequired(), OAuthError.Trace.now(clock));
        }
        return page.page(request, valid.http().path(), directory.all(), null, request.loginHint());
    }

    /** The sign-in page's post: Cancel declines consent, Accept needs an account that exists. */
    private Response submit(Request http, Map<String, String> form, Validated valid) {
        AuthorizeRequest request = valid.request();
        if (!"accept".equals(form.get("action"))) {
            return request.reply().error(OAuthError.userDeclined(), OAuthError.Trace.now(clock));
        }
        String userId = form.getOrDefault("user_id", "");
        String login = form.getOrDefault("login", "").trim();
        Optional<User> user = chosenUser(userId, login);
        if (user.isEmpty()) {
            String why = login.isEmpty() && userId.isEmpty()
                    ? "Pick an account or enter your email address or user principal name."
                    : "We couldn't find an account with that username. Try another, or pick one from the list.";
            return page.page(request, http.path(), directory.all(), why, login);
        }
        return request.reply().code(codes.issue(request, user.get().id()));
    }

    /** A picked account wins over typed text: the click is the more deliberate choice. */
    private Optional<User> chosenUser(String userId, String login) {
        if (!userId.isEmpty()) {
            return directory.byId(userId);
        }
        return login.isEmpty() ? Optional.empty() : directory.findByLogin(login);
    }
}
