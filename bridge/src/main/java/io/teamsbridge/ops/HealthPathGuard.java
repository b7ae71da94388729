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
 * The health endpoint has paths at most two levels deep ({@code /actuator/health/readiness/db});
 * with details shown, Spring Boot answers a deeper one that names nothing with an error (500)
 * instead of "not found". Such paths are answered 404 before they reach it.
 */
@Component
class HealthPathGuard extends OncePerRequestFilter {
    private static final String HEALTH = "/actuator/health/";
    private static final int MAX_DEPTH = 2;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(HEALTH)) {
            return true;
        }
        String rest = path.substring(HEALTH.length());
        return rest.chars().filter(c -> c == '/').count() < MAX_DEPTH;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.getWriter().write("Not found.");
    }
}
