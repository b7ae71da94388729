package io.teamsbridge.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot renders errors at {@code /error}, and a client that asks for that path directly gets
 * an error page about no error, with status 500. Only the server's own error dispatches may reach
 * it (this filter runs for client requests, not for error dispatches); a client gets 404, as for
 * any path that is not ours.
 */
@Component
class ErrorPathGuard extends OncePerRequestFilter {
    private static final String ERROR_PATH = "/error";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/") || path.startsWith(ERROR_PATH + ";")
                || path.startsWith(ERROR_PATH + "."));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.getWriter().write("Not found.");
    }
}
