package rs.greenvoucher.platform.web.input;

import rs.greenvoucher.platform.refusal.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import rs.greenvoucher.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Query parameters pass the same {@link InputRules} as bodies do (a NUL in a search term never reaches SQL). */
public class QueryParameterGuard extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Refusal.Field> errors = new ArrayList<>();
        String query = request.getQueryString();
        if (query != null) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                String nameProblem = InputRules.checkText(parameter.getKey(), false);
                if (nameProblem != null || parameter.getKey().length() > 100) {
                    errors.add(new Refusal.Field("query", "has a parameter name that is not acceptable"));
                    continue;
                }
                for (String value : parameter.getValue()) {
                    String problem = InputRules.checkText(value, false);
                    if (problem == null && value.length() > 1000) {
                        problem = "at most 1000 characters";
                    }
                    if (problem != null) {
                        errors.add(new Refusal.Field(parameter.getKey(), problem));
                    }
                }
            }
        }
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        var problem = Problems.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request is not valid.", errors);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.putAll(problem.getProperties());
        JSON.writeValue(response.getOutputStream(), body);
    }
}
